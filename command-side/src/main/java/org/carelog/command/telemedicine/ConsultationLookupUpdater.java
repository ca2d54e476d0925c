package org.carelog.command.telemedicine;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.telemedicine.ConsultationCancelled;
import org.carelog.api.telemedicine.ConsultationCaregiverNamed;
import org.carelog.api.telemedicine.ConsultationCompleted;
import org.carelog.api.telemedicine.ConsultationJoinedByClinician;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.ConsultationMissedByClinician;
import org.carelog.api.telemedicine.ConsultationMissedByPatient;
import org.carelog.api.telemedicine.ConsultationRescheduled;
import org.carelog.api.telemedicine.ConsultationScheduled;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.TelemedicineConsentRecorded;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link ConsultationRegistry}. A <em>subscribing</em> processor (application.yml): it runs in the
 * transaction that appends the events, so a join sees exactly the committed consents, and the consultation process
 * finds a consultation by appointment or encounter as soon as it exists.
 */
@Component
@ReadModelTables({"telemedicine_consultation", "telemedicine_consent"})
@ProcessingGroup(ConsultationLookupUpdater.PROCESSING_GROUP)
class ConsultationLookupUpdater {

    static final String PROCESSING_GROUP = "telemedicine-lookup";

    private final ConsultationRegistry registry;

    ConsultationLookupUpdater(ConsultationRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(ConsultationScheduled event) {
        registry.recordScheduled(new ConsultationFacts(
                event.consultationId(),
                event.patientId(),
                event.appointmentId(),
                event.practitionerId(),
                event.start(),
                event.end(),
                ConsultationState.SCHEDULED,
                null,
                event.linkVersion(),
                false));
    }

    @EventHandler
    void on(ConsultationRescheduled event) {
        registry.recordMoved(
                event.consultationId(), event.appointmentId(), event.start(), event.end(), event.linkVersion());
    }

    @EventHandler
    void on(ConsultationCancelled event) {
        registry.recordState(event.consultationId(), ConsultationState.CANCELLED);
    }

    @EventHandler
    void on(TelemedicineConsentRecorded event, @Timestamp Instant at) {
        registry.recordConsent(event.patientId(), event.consultationId(), event.method(), at);
    }

    @EventHandler
    void on(ConsultationCaregiverNamed event) {
        registry.recordCaregiverNamed(event.consultationId());
    }

    @EventHandler
    void on(ConsultationJoinedByPatient event) {
        registry.recordState(event.consultationId(), ConsultationState.WAITING_ROOM);
    }

    @EventHandler
    void on(ConsultationJoinedByClinician event) {
        registry.recordEncounter(event.consultationId(), event.encounterId());
        registry.recordState(event.consultationId(), ConsultationState.IN_PROGRESS);
    }

    @EventHandler
    void on(ConsultationCompleted event) {
        registry.recordState(event.consultationId(), ConsultationState.COMPLETED);
    }

    @EventHandler
    void on(ConsultationMissedByPatient event) {
        registry.recordState(event.consultationId(), ConsultationState.MISSED_BY_PATIENT);
    }

    @EventHandler
    void on(ConsultationMissedByClinician event) {
        registry.recordState(event.consultationId(), ConsultationState.MISSED_BY_CLINICIAN);
    }
}
