package org.carelog.projection.telemedicine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The virtual consultation read model's tables (V22), implemented with JDBC in infra. */
public interface ConsultationReadModel {

    Optional<ConsultationRow> find(UUID consultationId);

    void save(ConsultationRow row);

    /** Adds a step once (by event id). */
    void addStep(ConsultationStep step);

    /** Keeps the first consent of a patient. */
    void addConsent(ConsentRow consent);

    /** Blanks the patient's caregiver names. */
    void erase(UUID patientId);

    void clear();

    List<ConsultationStep> steps(UUID consultationId);

    Optional<ConsentRow> consent(UUID patientId);

    /** The consultations of the practitioner linked to this staff account starting in [from, to), by start. */
    List<ConsultationRow> ofStaff(String username, Instant from, Instant to);
}
