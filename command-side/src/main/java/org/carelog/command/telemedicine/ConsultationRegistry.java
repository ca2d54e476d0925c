package org.carelog.command.telemedicine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationState;

/**
 * The command side's lookup of virtual consultations and telemedicine consents, kept by the subscribing processor
 * {@code telemedicine-lookup} in the transaction of the consultation's own events (never from a projection).
 * Answers which consultation an appointment or an encounter belongs to, and whether a patient has consented.
 */
public interface ConsultationRegistry {

    Optional<ConsultationFacts> find(ConsultationId consultation);

    /** The consultation whose current appointment this is. */
    Optional<ConsultationFacts> byAppointment(UUID appointmentId);

    /** The consultation whose clinician opened this encounter. */
    Optional<ConsultationFacts> byEncounter(EncounterId encounter);

    /** Whether the patient consented to telemedicine, for any consultation. */
    boolean consented(PatientId patient);

    /** Consultations still waiting for someone (scheduled or waiting room) that ended before {@code endedBefore}. */
    List<ConsultationId> unfinishedEndedBefore(Instant endedBefore, int limit);

    void recordScheduled(ConsultationFacts facts);

    void recordMoved(ConsultationId consultation, UUID appointmentId, Instant start, Instant end, int linkVersion);

    void recordState(ConsultationId consultation, ConsultationState state);

    void recordEncounter(ConsultationId consultation, EncounterId encounter);

    void recordCaregiverNamed(ConsultationId consultation);

    void recordConsent(PatientId patient, ConsultationId consultation, ConsentMethod method, Instant at);
}
