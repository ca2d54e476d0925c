package org.carelog.infra.telemedicine;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.common.CarelogException;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.patient.PatientId;
import org.carelog.api.prescription.PrescriptionSigned;
import org.carelog.api.telemedicine.ConsultationCaregiverNamed;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationRescheduled;
import org.carelog.api.telemedicine.ConsultationScheduled;
import org.carelog.api.telemedicine.Participant;
import org.carelog.command.telemedicine.ConsultationRegistry;
import org.carelog.infra.config.FacilityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Messages a virtual consultation sends the patient, through the communication feature's {@link PatientMessaging}:
 * the join link when it is scheduled and again, as a new version, when it moves (a caregiver's link too when one is
 * named); and the link to verify a prescription signed in its encounter. The link is a secret value (never shown
 * to staff). Deduplicated per consultation and link version, or per prescription; never replayed.
 */
@Component
@ProcessingGroup(ConsultationMessages.PROCESSING_GROUP)
@DisallowReplay
class ConsultationMessages {

    static final String PROCESSING_GROUP = "telemedicine-messages";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu, h:mm a");
    private static final Logger log = LoggerFactory.getLogger(ConsultationMessages.class);

    private final ObjectProvider<PatientMessaging> messaging;
    private final JoinLinks links;
    private final ConsultationRegistry registry;
    private final FacilityProperties facility;
    private final Clock clock;

    ConsultationMessages(
            ObjectProvider<PatientMessaging> messaging,
            JoinLinks links,
            ConsultationRegistry registry,
            FacilityProperties facility,
            Clock clock) {
        this.messaging = messaging;
        this.links = links;
        this.registry = registry;
        this.facility = facility;
        this.clock = clock;
    }

    @EventHandler
    void on(ConsultationScheduled event) {
        sendLink(event.patientId(), event.consultationId(), Participant.PATIENT, event.linkVersion(), event.start());
    }

    @EventHandler
    void on(ConsultationRescheduled event) {
        sendLink(event.patientId(), event.consultationId(), Participant.PATIENT, event.linkVersion(), event.start());
        registry.find(event.consultationId())
                .filter(c -> c.caregiverNamed())
                .ifPresent(c -> sendLink(
                        event.patientId(),
                        event.consultationId(),
                        Participant.CAREGIVER,
                        event.linkVersion(),
                        event.start()));
    }

    @EventHandler
    void on(ConsultationCaregiverNamed event) {
        registry.find(event.consultationId())
                .ifPresent(c -> sendLink(
                        event.patientId(), event.consultationId(), Participant.CAREGIVER, c.linkVersion(), c.start()));
    }

    @EventHandler
    void on(PrescriptionSigned event) {
        if (event.encounterId() == null || event.verificationReference() == null) {
            return;
        }
        registry.byEncounter(event.encounterId())
                .ifPresent(c -> send(new PatientMessageRequest(
                        "prescription-link:" + event.prescriptionId(),
                        event.patientId(),
                        MessageKind.PRESCRIPTION_LINK,
                        null,
                        Map.of(
                                "link", url("/verify/prescriptions/" + event.verificationReference()),
                                "reference", event.verificationReference(),
                                "consultationId", c.consultationId().toString()),
                        Set.of())));
    }

    private void sendLink(
            PatientId patient, ConsultationId consultation, Participant participant, int version, Instant start) {
        Map<String, String> values = new HashMap<>();
        values.put("link", url("/telemedicine/join/" + links.token(consultation, participant, version)));
        values.put("time", TIME.format(start.atZone(clock.getZone())));
        values.put("consultationId", consultation.toString());
        values.put("participant", participant.name());
        String key = "telemedicine-link:" + consultation + ":v" + version
                + (participant == Participant.CAREGIVER ? ":caregiver" : "");
        send(new PatientMessageRequest(key, patient, MessageKind.TELEMEDICINE_LINK, null, values, Set.of("link")));
    }

    private void send(PatientMessageRequest request) {
        PatientMessaging port = messaging.getIfAvailable();
        if (port == null) {
            log.warn("No patient messaging configured: {} not sent", request.deduplicationKey());
            return;
        }
        try {
            port.send(request);
        } catch (CarelogException e) {
            // No address on any channel, or the patient was erased: nothing to retry.
            log.warn("{} not sent: {}", request.deduplicationKey(), e.getMessage());
        }
    }

    private String url(String path) {
        String base = facility.publicUrl().replaceAll("/+$", "");
        return base + path;
    }
}
