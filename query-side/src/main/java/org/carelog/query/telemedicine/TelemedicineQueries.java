package org.carelog.query.telemedicine;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.carelog.api.patient.PatientId;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.projection.telemedicine.ConsultationReadModel;
import org.carelog.projection.telemedicine.ConsultationRow;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.carelog.query.telemedicine.TelemedicineViews.VirtualConsultationView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/**
 * Virtual consultations: one, with its states and their times, its consent and caregiver; and a clinician's
 * consultations of a day. Each read names a patient's care, so it is written to the clinical access log first.
 */
@Controller
class TelemedicineQueries {

    private static final String READERS = "hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR', 'RECEPTIONIST')";

    private final ConsultationReadModel readModel;
    private final ClinicalAccessLog accessLog;
    private final Clock clock;

    TelemedicineQueries(ConsultationReadModel readModel, ClinicalAccessLog accessLog, Clock clock) {
        this.readModel = readModel;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize(READERS)
    VirtualConsultationView virtualConsultation(@Argument String id, DataFetchingEnvironment env) {
        ConsultationId consultation = ConsultationId.parse("id", id);
        ConsultationRow row = readModel.find(consultation.value()).orElse(null);
        if (row == null) {
            return null;
        }
        accessLog.recordRead(new PatientId(row.patientId()), "virtualConsultation", env);
        return view(row);
    }

    @QueryMapping
    @PreAuthorize("hasRole('DOCTOR')")
    List<VirtualConsultationView> myVirtualConsultations(@Argument LocalDate date, DataFetchingEnvironment env) {
        String username = SecurityContextHolder.getContext().getAuthentication().getName();
        LocalDate day = date != null ? date : LocalDate.now(clock);
        List<ConsultationRow> rows = readModel.ofStaff(
                username,
                day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        rows.stream()
                .map(ConsultationRow::patientId)
                .distinct()
                .forEach(p -> accessLog.recordRead(new PatientId(p), "myVirtualConsultations", env));
        return rows.stream().map(this::view).toList();
    }

    private VirtualConsultationView view(ConsultationRow row) {
        return VirtualConsultationView.of(
                row,
                readModel.consent(row.patientId()).orElse(null),
                readModel.steps(row.consultationId()),
                clock.getZone());
    }
}
