package org.carelog.command.prescription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Role;
import org.carelog.api.common.Text;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.prescription.AllergyConflict;
import org.carelog.api.prescription.MedicationStopped;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionId;
import org.carelog.api.prescription.PrescriptionReplaced;
import org.carelog.api.prescription.PrescriptionSigned;
import org.carelog.api.prescription.ReplacePrescription;
import org.carelog.api.prescription.StopMedication;
import org.carelog.api.prescription.WritePrescription;
import org.carelog.command.clinical.EncounterFacts;
import org.carelog.command.clinical.Encounters;
import org.carelog.command.common.StaffPractitioners;
import org.carelog.command.prescription.ActiveAllergies.ActiveAllergy;

/**
 * One prescription: written and signed in one act by a doctor whose BMDC registration is valid on the day,
 * checked against the patient's active allergies. Signed, it never changes: a correction is a new prescription
 * that replaces it; a medicine can be stopped early, which is a fact of its own. The state holds no personal
 * data (the number of items only).
 */
@Aggregate
class Prescription {

    static final int MAX_ITEMS = 30;
    static final int MAX_TEXT = 2000;
    static final int MAX_FIELD = 200;
    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private PrescriptionId prescriptionId;

    private PatientId patientId;
    private int items;
    private PrescriptionId replacedBy;
    private final Set<Integer> stopped = new HashSet<>();

    Prescription() {
        // for Axon
    }

    @CommandHandler
    Prescription(
            WritePrescription command,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role,
            StaffPractitioners staff,
            PrescriberRegistrations registrations,
            ActiveAllergies allergies,
            MedicineNames names,
            Encounters encounters,
            Clock clock) {
        apply(decide(command, null, username, role, staff, registrations, allergies, names, encounters, clock));
    }

    private Prescription(PrescriptionSigned signed) {
        apply(signed);
    }

    @CommandHandler
    PrescriptionId handle(
            ReplacePrescription command,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role,
            StaffPractitioners staff,
            PrescriberRegistrations registrations,
            ActiveAllergies allergies,
            MedicineNames names,
            Encounters encounters,
            Clock clock)
            throws Exception {
        WritePrescription replacement = command.replacement();
        if (replacement == null) {
            throw CarelogException.validation("replacement", "is required");
        }
        if (replacement.prescriptionId().equals(replacedBy)) {
            return replacedBy; // a repeat
        }
        if (replacedBy != null) {
            throw CarelogException.conflict(
                    "this prescription was already replaced by " + replacedBy,
                    Map.of("replacedBy", replacedBy.toString()));
        }
        if (!patientId.equals(replacement.patientId())) {
            throw CarelogException.validation("patientId", "a replacement is for the same patient");
        }
        String reason = Text.required("reason", command.reason(), MAX_REASON);
        PrescriptionSigned signed = decide(
                replacement, prescriptionId, username, role, staff, registrations, allergies, names, encounters, clock);
        createNew(Prescription.class, () -> new Prescription(signed));
        apply(new PrescriptionReplaced(patientId, prescriptionId, replacement.prescriptionId(), reason));
        return replacement.prescriptionId();
    }

    @CommandHandler
    PrescriptionId handle(StopMedication command, @MetaDataValue(MetadataKeys.ROLE) String role, Clock clock) {
        if (!Role.DOCTOR.name().equals(role)) {
            throw forbidden("only doctors stop medicines");
        }
        if (command.item() < 0 || command.item() >= items) {
            throw CarelogException.validation(
                    "item", "is not a medicine of this prescription (0 to " + (items - 1) + ")");
        }
        if (stopped.contains(command.item())) {
            return prescriptionId;
        }
        if (replacedBy != null) {
            throw CarelogException.conflict(
                    "this prescription was replaced by " + replacedBy + "; stop the medicine there",
                    Map.of("replacedBy", replacedBy.toString()));
        }
        String reason = Text.required("reason", command.reason(), MAX_REASON);
        apply(new MedicationStopped(patientId, prescriptionId, command.item(), LocalDate.now(clock), reason));
        return prescriptionId;
    }

    /** Every rule of writing and signing, shared by a new prescription and a replacement. */
    static PrescriptionSigned decide(
            WritePrescription command,
            PrescriptionId replaces,
            String username,
            String role,
            StaffPractitioners staff,
            PrescriberRegistrations registrations,
            ActiveAllergies allergies,
            MedicineNames names,
            Encounters encounters,
            Clock clock) {
        if (!Role.DOCTOR.name().equals(role)) {
            throw forbidden("only doctors prescribe");
        }
        PractitionerId practitioner = staff.practitionerOf(username)
                .orElseThrow(
                        () -> forbidden("your account is not linked to a practitioner; an administrator links it"));
        LocalDate today = LocalDate.now(clock);
        BmdcRegistration registration = registrations
                .registrationOf(practitioner)
                .orElseThrow(() -> forbidden("your practitioner record has no BMDC registration"));
        if (registration.expiredOn(today)) {
            throw forbidden("your BMDC registration " + registration.number() + " expired on "
                    + registration.expiresOn() + "; renew it before signing prescriptions");
        }
        if (command.patientId() == null) {
            throw CarelogException.validation("patientId", "is required");
        }
        if (command.encounterId() == null) {
            throw CarelogException.validation("encounterId", "is required");
        }
        EncounterFacts encounter = encounters
                .find(command.encounterId())
                .orElseThrow(() -> CarelogException.notFound("No encounter " + command.encounterId()));
        if (!encounter.patientId().equals(command.patientId())) {
            throw CarelogException.validation("encounterId", "is another patient's encounter");
        }
        // A correction of a signed visit's prescription is written after the visit; a new one during it.
        if (replaces == null && !encounter.open()) {
            throw CarelogException.conflict(
                    "The encounter is signed: a new prescription is written in an open encounter (correct a signed"
                            + " one with replacePrescription)",
                    Map.of("status", encounter.status().name()));
        }
        List<PrescribedItem> items = command.items() == null ? List.of() : command.items();
        if (items.isEmpty()) {
            throw CarelogException.validation("items", "at least one medicine is required");
        }
        if (items.size() > MAX_ITEMS) {
            throw CarelogException.validation("items", "at most " + MAX_ITEMS + " medicines");
        }
        List<PrescribedItem> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            checked.add(item("items." + i, items.get(i)));
        }
        if (command.advice() != null && command.advice().length() > MAX_TEXT) {
            throw CarelogException.validation("advice", "is longer than " + MAX_TEXT + " characters");
        }
        if (command.followUpOn() != null && command.followUpOn().isBefore(today)) {
            throw CarelogException.validation("followUpOn", "is in the past");
        }
        List<AllergyConflict> conflicts = conflicts(checked, allergies.of(command.patientId()), names);
        String reason = Text.clean(command.overrideReason());
        if (!conflicts.isEmpty() && reason == null) {
            throw new CarelogException(new CarelogError(
                    ErrorCode.ALLERGY_CONFLICT,
                    conflicts.stream()
                                    .map(c ->
                                            c.medicine() + " matches the patient's active allergy to " + c.substance())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElseThrow()
                            + ". Choose another medicine, or override with a reason.",
                    null,
                    Map.of(
                            "allergies",
                            conflicts.stream()
                                    .map(c -> Map.of(
                                            "allergyId", c.allergyId().toString(),
                                            "substance", String.valueOf(c.substance()),
                                            "medicine", c.medicine()))
                                    .toList())));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw CarelogException.validation("overrideReason", "is longer than " + MAX_REASON + " characters");
        }
        if (command.verificationReference() == null
                || command.verificationReference().length() < 16) {
            throw new IllegalArgumentException("a verification reference of at least 16 characters is required");
        }
        return new PrescriptionSigned(
                command.patientId(),
                command.prescriptionId(),
                command.encounterId(),
                practitioner,
                registration.number(),
                today,
                checked,
                Text.clean(command.advice()),
                command.followUpOn(),
                replaces,
                conflicts,
                conflicts.isEmpty() ? null : reason,
                command.verificationReference());
    }

    private static PrescribedItem item(String field, PrescribedItem item) {
        String generic = Text.clean(item.genericName());
        if (generic == null) {
            throw CarelogException.validation(field + ".genericName", "is required");
        }
        if (item.frequency() == null) {
            throw CarelogException.validation(field + ".frequency", "is required, such as 1+0+1");
        }
        if (item.duration() == null) {
            throw CarelogException.validation(field + ".duration", "is required (or continuing)");
        }
        for (String[] text : new String[][] {
            {"genericName", generic},
            {"brand", item.brand()},
            {"strength", item.strength()},
            {"form", item.form()},
            {"dose", item.dose()},
            {"route", item.route()}
        }) {
            if (text[1] != null && text[1].length() > MAX_FIELD) {
                throw CarelogException.validation(field + "." + text[0], "is longer than " + MAX_FIELD + " characters");
            }
        }
        if (item.instructions() != null && item.instructions().length() > MAX_TEXT) {
            throw CarelogException.validation(field + ".instructions", "is longer than " + MAX_TEXT + " characters");
        }
        var quantity = item.quantity() != null
                ? item.quantity()
                : PrescribedItem.derivedQuantity(item.dose(), item.frequency(), item.duration());
        if (quantity != null && quantity.signum() <= 0) {
            throw CarelogException.validation(field + ".quantity", "must be more than zero");
        }
        return new PrescribedItem(
                item.medicineCode(),
                generic,
                Text.clean(item.brand()),
                Text.clean(item.strength()),
                Text.clean(item.form()),
                Text.clean(item.dose()),
                Text.clean(item.route()),
                item.frequency(),
                item.timing(),
                item.duration(),
                quantity,
                Text.clean(item.instructions()));
    }

    /** Each (medicine, active allergy) pair whose names meet: generic, its synonyms, a brand's generic. */
    static List<AllergyConflict> conflicts(
            List<PrescribedItem> items, List<ActiveAllergy> allergies, MedicineNames names) {
        Map<String, AllergyConflict> found = new LinkedHashMap<>();
        for (ActiveAllergy allergy : allergies) {
            if (allergy.substance() == null || allergy.substance().name() == null) {
                continue; // erased
            }
            Set<String> allergic = names.namesOf(
                    allergy.substance().code(), allergy.substance().name());
            for (PrescribedItem item : items) {
                Set<String> medicine = new HashSet<>(names.namesOf(item.medicineCode(), item.genericName()));
                if (item.brand() != null) {
                    medicine.addAll(names.namesOf(null, item.brand()));
                }
                medicine.retainAll(allergic);
                if (!medicine.isEmpty()) {
                    String label =
                            item.brand() == null ? item.genericName() : item.brand() + " (" + item.genericName() + ")";
                    found.putIfAbsent(
                            allergy.allergyId() + "/" + label,
                            new AllergyConflict(
                                    allergy.allergyId(),
                                    label,
                                    allergy.substance().name()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static CarelogException forbidden(String message) {
        return new CarelogException(new CarelogError(ErrorCode.FORBIDDEN, message, null, null));
    }

    @EventSourcingHandler
    void on(PrescriptionSigned event) {
        prescriptionId = event.prescriptionId();
        patientId = event.patientId();
        items = event.items() == null ? 0 : event.items().size();
    }

    @EventSourcingHandler
    void on(PrescriptionReplaced event) {
        replacedBy = event.replacedBy();
    }

    @EventSourcingHandler
    void on(MedicationStopped event) {
        stopped.add(event.item());
    }
}
