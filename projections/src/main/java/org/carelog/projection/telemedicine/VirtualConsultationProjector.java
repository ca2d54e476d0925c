package org.carelog.projection.telemedicine;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.telemedicine.ConsultationEvent;
import org.carelog.api.telemedicine.ConsultationJoinedByClinician;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.Participant;
import org.carelog.api.telemedicine.TelemedicineConsentRecorded;
import org.springframework.stereotype.Component;

/**
 * Builds the virtual consultation read model with {@link ConsultationFold}: one row per consultation, each event as
 * a step with its time and author, and each patient's consent. Per consultation in order (the default sequencing:
 * one aggregate). Idempotent: the fold leaves a row unchanged for an event applied again, steps are keyed by event
 * id and the first consent stays.
 */
@Component
@ReadModelTables({"virtual_consultation_view", "virtual_consultation_step", "virtual_consultation_consent"})
@ProcessingGroup(VirtualConsultationProjector.PROCESSING_GROUP)
class VirtualConsultationProjector {

    static final String PROCESSING_GROUP = "virtual-consultations";

    private final ConsultationReadModel tables;

    VirtualConsultationProjector(ConsultationReadModel tables) {
        this.tables = tables;
    }

    @EventHandler
    void on(
            ConsultationEvent event,
            @MessageIdentifier String eventId,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        ConsultationRow before = tables.find(event.consultationId().value()).orElse(null);
        ConsultationRow after = ConsultationFold.apply(before, event, at);
        if (after == null) {
            return;
        }
        if (!after.equals(before)) {
            tables.save(after);
        }
        Participant participant = event instanceof ConsultationJoinedByPatient j
                ? j.participant()
                : event instanceof ConsultationJoinedByClinician ? Participant.CLINICIAN : null;
        tables.addStep(new ConsultationStep(
                eventId,
                after.consultationId(),
                event.getClass().getSimpleName(),
                after.state(),
                participant,
                username,
                role,
                at));
        if (event instanceof TelemedicineConsentRecorded c) {
            tables.addConsent(new ConsentRow(
                    c.patientId().value(), c.consultationId().value(), c.method(), c.givenBy(), username, role, at));
        }
    }

    @EventHandler
    void on(PatientErased event) {
        tables.erase(event.patientId().value());
    }

    @ResetHandler
    void reset() {
        tables.clear();
    }
}
