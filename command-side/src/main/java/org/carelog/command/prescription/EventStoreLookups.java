package org.carelog.command.prescription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.BmdcRegistrationRenewed;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRegistered;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.AllergyListId;
import org.carelog.api.prescription.AllergyRecorded;
import org.carelog.api.prescription.AllergyStatus;
import org.carelog.api.prescription.AllergyStatusChanged;
import org.springframework.stereotype.Component;

/**
 * Reads the allergy list and the prescriber's registration from their aggregates' streams. Both are short
 * (a patient's allergies, a practitioner's profile), so reading them per prescription costs one indexed query
 * each, and the answer is the committed state: an allergy recorded a moment before is seen.
 */
@Component
class EventStoreLookups implements ActiveAllergies, PrescriberRegistrations {

    private final EventStore events;

    EventStoreLookups(EventStore events) {
        this.events = events;
    }

    @Override
    public List<ActiveAllergy> of(PatientId patient) {
        Map<AllergyId, ActiveAllergy> recorded = new LinkedHashMap<>();
        Map<AllergyId, AllergyStatus> status = new LinkedHashMap<>();
        DomainEventStream stream = events.readEvents(AllergyListId.of(patient).toString());
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof AllergyRecorded e) {
                recorded.put(
                        e.allergyId(),
                        new ActiveAllergy(
                                e.allergyId(),
                                e.substance(),
                                e.severity() == null ? null : e.severity().name()));
                status.put(e.allergyId(), AllergyStatus.ACTIVE);
            } else if (payload instanceof AllergyStatusChanged e) {
                status.put(e.allergyId(), e.status());
            }
        }
        List<ActiveAllergy> active = new ArrayList<>();
        recorded.forEach((id, allergy) -> {
            if (status.get(id) == AllergyStatus.ACTIVE) {
                active.add(allergy);
            }
        });
        return active;
    }

    @Override
    public Optional<BmdcRegistration> registrationOf(PractitionerId practitioner) {
        BmdcRegistration registration = null;
        DomainEventStream stream = events.readEvents(practitioner.toString());
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof PractitionerRegistered e) {
                registration = e.bmdc();
            } else if (payload instanceof BmdcRegistrationRenewed e) {
                registration = new BmdcRegistration(e.number(), e.expiresOn());
            }
        }
        return Optional.ofNullable(registration);
    }
}
