package org.carelog.command.conversation;

import java.util.Optional;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;

/** What a conversation checks outside itself: who exists, and the files uploaded to it. Implemented in infra. */
public interface ConversationDirectory {

    boolean patientRegistered(PatientId patient);

    boolean departmentExists(DepartmentId department);

    boolean practitionerExists(PractitionerId practitioner);

    /** A file uploaded for a conversation (its bytes stay in the attachment store). */
    record UploadedAttachment(
            AttachmentId attachmentId,
            ConversationId conversationId,
            String contentType,
            long size,
            String sha256,
            String fileName) {}

    Optional<UploadedAttachment> attachment(AttachmentId attachment);
}
