package org.carelog.command.patient;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.CommunicationConsentChanged;
import org.carelog.api.patient.DuplicateCandidate;
import org.carelog.api.patient.ErasePatient;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientContactDetailsChanged;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientDemographicsChanged;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientIdentifiersChanged;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PatientRegistration;
import org.carelog.api.patient.RegisterPatient;
import org.carelog.api.patient.UpdatePatientDetails;
import org.carelog.command.common.SubjectKeys;
import org.carelog.command.patient.PatientRegistry.IdentifierKind;

/**
 * A registered patient: demographics, identifiers, contact details and consent. Unique identifiers,
 * the MRN and duplicate warnings need all patients and come from the {@link PatientRegistry}, in the
 * same transaction as the events.
 */
@Aggregate
class Patient {

    @AggregateIdentifier
    private PatientId patientId;

    private MedicalRecordNumber mrn;
    private PatientDemographics demographics;
    private PatientIdentifiers identifiers;
    private PatientContact contact;
    private CommunicationConsent consent;
    private Instant lastActivity;
    private boolean erased;

    Patient() {
        // for Axon
    }

    /** A creation handler that answers with the MRN, not only the id, so it is a method (ALWAYS). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    PatientRegistration handle(RegisterPatient command, PatientRegistry registry) {
        PatientIdentifiers newIdentifiers =
                command.identifiers() == null ? PatientIdentifiers.none() : command.identifiers();
        PatientContact newContact = command.contact() == null ? emptyContact() : command.contact();
        CommunicationConsent newConsent =
                command.consent() == null ? new CommunicationConsent(false, false) : command.consent();
        requireComplete(command.demographics(), newContact, newConsent);

        claimIdentifiers(registry, command.patientId(), PatientIdentifiers.none(), newIdentifiers);
        String overrideReason = Text.clean(command.duplicateOverrideReason());
        List<DuplicateCandidate> candidates = registry.probableDuplicates(
                command.patientId(),
                command.demographics().name(),
                command.demographics().birthDate(),
                newContact.phone());
        if (!candidates.isEmpty() && overrideReason == null) {
            throw CarelogException.conflict(
                    "This may be a patient who is already registered. Open the existing record, or confirm"
                            + " with a reason that this is a different person.",
                    Map.of("candidates", candidates.stream().map(Patient::asMap).toList()));
        }
        MedicalRecordNumber assigned = registry.assignMrn();
        registry.remember(
                command.patientId(),
                assigned,
                command.demographics().name(),
                command.demographics().birthDate(),
                newContact.phone());
        apply(new PatientRegistered(
                command.patientId(),
                assigned,
                command.demographics(),
                newIdentifiers,
                newContact,
                newConsent,
                candidates.isEmpty() ? null : overrideReason));
        return new PatientRegistration(command.patientId(), assigned);
    }

    @CommandHandler
    PatientRegistration handle(UpdatePatientDetails command, PatientRegistry registry) {
        refuseIfErased();
        PatientDemographics newDemographics = Objects.requireNonNullElse(command.demographics(), demographics);
        PatientContact newContact = Objects.requireNonNullElse(command.contact(), contact);
        CommunicationConsent newConsent = Objects.requireNonNullElse(command.consent(), consent);
        requireComplete(newDemographics, newContact, newConsent);

        if (command.identifiers() != null && !command.identifiers().equals(identifiers)) {
            claimIdentifiers(registry, patientId, identifiers, command.identifiers());
            apply(new PatientIdentifiersChanged(patientId, command.identifiers()));
        }
        boolean matchFactsChanged = false;
        if (!newDemographics.equals(demographics)) {
            apply(new PatientDemographicsChanged(patientId, newDemographics));
            matchFactsChanged = true;
        }
        if (!newContact.equals(contact)) {
            matchFactsChanged |= !Objects.equals(newContact.phone(), contact.phone());
            apply(new PatientContactDetailsChanged(patientId, newContact));
        }
        if (!newConsent.equals(consent)) {
            apply(new CommunicationConsentChanged(patientId, newConsent));
        }
        if (matchFactsChanged) {
            registry.remember(patientId, mrn, demographics.name(), demographics.birthDate(), contact.phone());
        }
        return new PatientRegistration(patientId, mrn);
    }

    /**
     * Erases the patient's personal data: the registry forgets them and their key is destroyed, in the
     * transaction that stores the (personal-data-free) erasure event. Refused while the clinical record
     * must still be kept; a repeat returns quietly.
     */
    @CommandHandler
    PatientRegistration handle(
            ErasePatient command, PatientRegistry registry, ClinicalRetention retention, SubjectKeys keys) {
        if (erased) {
            return new PatientRegistration(patientId, mrn);
        }
        retention.retainedUntil(lastActivity).ifPresent(until -> {
            throw CarelogException.conflict(
                    "This patient's clinical record must be kept until " + until
                            + " under the facility's retention rule; it cannot be erased before then.",
                    Map.of("retainedUntil", until.toString()));
        });
        registry.forget(patientId);
        keys.destroy(patientId.toString());
        apply(new PatientErased(patientId, command.legalBasis(), command.reference()));
        return new PatientRegistration(patientId, mrn);
    }

    private void refuseIfErased() {
        if (erased) {
            throw CarelogException.conflict(
                    "This patient's record was erased; it can no longer be changed.", Map.of("erased", true));
        }
    }

    private static void requireComplete(
            PatientDemographics demographics, PatientContact contact, CommunicationConsent consent) {
        Violations violations = new Violations();
        if (demographics == null || demographics.name() == null) {
            violations.reject("demographics.nameEn", "a name in Bangla or English is required");
        } else {
            if (demographics.sex() == null) {
                violations.reject("demographics.sex", "is required");
            }
            if (demographics.birthDate() == null) {
                violations.reject("demographics.birthDate", "a date of birth or an estimated age is required");
            }
        }
        if (consent.sms() && contact.phone() == null) {
            violations.reject("consent.sms", "needs a mobile phone number");
        }
        if (consent.email() && contact.email() == null) {
            violations.reject("consent.email", "needs an e-mail address");
        }
        violations.throwIfAny();
    }

    private static void claimIdentifiers(
            PatientRegistry registry, PatientId patient, PatientIdentifiers before, PatientIdentifiers after) {
        claim(
                registry,
                patient,
                IdentifierKind.NATIONAL_ID,
                "identifiers.nationalId",
                value(before.nationalId()),
                value(after.nationalId()));
        claim(
                registry,
                patient,
                IdentifierKind.BIRTH_REGISTRATION,
                "identifiers.birthRegistrationNumber",
                value(before.birthRegistrationNumber()),
                value(after.birthRegistrationNumber()));
    }

    private static void claim(
            PatientRegistry registry,
            PatientId patient,
            IdentifierKind kind,
            String field,
            String before,
            String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (after != null) {
            registry.claim(patient, kind, after).ifPresent(holder -> {
                throw CarelogException.conflict(
                        "Another patient (" + holder.mrn() + ") is registered with this "
                                + (kind == IdentifierKind.NATIONAL_ID ? "national ID" : "birth registration number"),
                        Map.of("field", field, "candidates", List.of(asMap(holder))));
            });
        }
        if (before != null) {
            registry.release(patient, kind, before);
        }
    }

    private static String value(Object identifier) {
        return identifier == null ? null : identifier.toString();
    }

    private static Map<String, Object> asMap(DuplicateCandidate candidate) {
        return Map.of(
                "patientId", candidate.patientId(),
                "mrn", candidate.mrn(),
                "name", candidate.name(),
                "reason", candidate.reason());
    }

    private static PatientContact emptyContact() {
        return new PatientContact(null, null, null, null, null);
    }

    @EventSourcingHandler
    void on(PatientRegistered event, @Timestamp Instant at) {
        lastActivity = at;
        patientId = event.patientId();
        mrn = event.mrn();
        demographics = event.demographics();
        identifiers = event.identifiers();
        contact = event.contact();
        consent = event.consent();
    }

    @EventSourcingHandler
    void on(PatientDemographicsChanged event, @Timestamp Instant at) {
        lastActivity = at;
        demographics = event.demographics();
    }

    @EventSourcingHandler
    void on(PatientIdentifiersChanged event, @Timestamp Instant at) {
        lastActivity = at;
        identifiers = event.identifiers();
    }

    @EventSourcingHandler
    void on(PatientContactDetailsChanged event, @Timestamp Instant at) {
        lastActivity = at;
        contact = event.contact();
    }

    @EventSourcingHandler
    void on(CommunicationConsentChanged event, @Timestamp Instant at) {
        lastActivity = at;
        consent = event.consent();
    }

    /** Personal data of an erased patient no longer decrypts (it is null); nothing of it stays here. */
    @EventSourcingHandler
    void on(PatientErased event, @Timestamp Instant at) {
        lastActivity = at;
        erased = true;
        demographics = null;
        identifiers = PatientIdentifiers.none();
        contact = emptyContact();
    }
}
