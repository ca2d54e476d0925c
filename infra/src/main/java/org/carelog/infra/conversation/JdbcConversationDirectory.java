package org.carelog.infra.conversation;

import java.util.Optional;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.conversation.ConversationDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The conversation's outside checks: registered patients from the command side's {@code patient_match}, departments
 * and practitioners from their directories, uploaded files from the {@link AttachmentStore}.
 */
@Component
class JdbcConversationDirectory implements ConversationDirectory {

    private final JdbcTemplate jdbc;
    private final AttachmentStore attachments;

    JdbcConversationDirectory(JdbcTemplate jdbc, AttachmentStore attachments) {
        this.jdbc = jdbc;
        this.attachments = attachments;
    }

    @Override
    public boolean patientRegistered(PatientId patient) {
        return exists("select exists (select 1 from patient_match where patient_id = ?)", patient.value());
    }

    @Override
    public boolean departmentExists(DepartmentId department) {
        return exists("select exists (select 1 from department_registry where department_id = ?)", department.value());
    }

    @Override
    public boolean practitionerExists(PractitionerId practitioner) {
        return exists(
                "select exists (select 1 from practitioner_directory where practitioner_id = ?)", practitioner.value());
    }

    @Override
    public Optional<UploadedAttachment> attachment(AttachmentId attachment) {
        return attachments.describe(attachment.value());
    }

    private boolean exists(String sql, Object id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, id));
    }
}
