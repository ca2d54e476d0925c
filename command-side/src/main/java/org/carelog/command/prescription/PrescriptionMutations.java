package org.carelog.command.prescription;

import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.prescription.AllergyCategory;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.AllergyListId;
import org.carelog.api.prescription.AllergySeverity;
import org.carelog.api.prescription.AllergyStatus;
import org.carelog.api.prescription.ChangeAllergyStatus;
import org.carelog.api.prescription.CourseDuration;
import org.carelog.api.prescription.DurationUnit;
import org.carelog.api.prescription.Frequency;
import org.carelog.api.prescription.MealTiming;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionId;
import org.carelog.api.prescription.RecordAllergy;
import org.carelog.api.prescription.ReplacePrescription;
import org.carelog.api.prescription.StopMedication;
import org.carelog.api.prescription.Substance;
import org.carelog.api.prescription.WritePrescription;
import org.carelog.command.common.CommandSender;
import org.carelog.command.prescription.PrescriptionInputs.AllergyPayload;
import org.carelog.command.prescription.PrescriptionInputs.ChangeAllergyStatusInput;
import org.carelog.command.prescription.PrescriptionInputs.PrescribedItemInput;
import org.carelog.command.prescription.PrescriptionInputs.PrescriptionPayload;
import org.carelog.command.prescription.PrescriptionInputs.RecordAllergyInput;
import org.carelog.command.prescription.PrescriptionInputs.ReplacePrescriptionInput;
import org.carelog.command.prescription.PrescriptionInputs.StopMedicationInput;
import org.carelog.command.prescription.PrescriptionInputs.WritePrescriptionInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Allergies (doctors and nurses) and prescriptions (doctors). */
@Controller
class PrescriptionMutations {

    private static final String CLINICIANS = "hasAnyRole('DOCTOR', 'NURSE')";
    private static final String DOCTORS = "hasRole('DOCTOR')";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandSender commands;
    private final MedicineVocabulary vocabulary;

    PrescriptionMutations(CommandSender commands, MedicineVocabulary vocabulary) {
        this.commands = commands;
        this.vocabulary = vocabulary;
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    AllergyPayload recordAllergy(@Argument RecordAllergyInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        Substance substance = null;
        if (input.substance() == null) {
            violations.reject("substance", "is required");
        } else if (!Text.isBlank(input.substance().medicineCode())) {
            String code = input.substance().medicineCode().strip().toUpperCase(Locale.ROOT);
            substance = vocabulary
                    .genericName(code)
                    .map(name -> new Substance(code, name))
                    .orElse(null);
            if (substance == null) {
                violations.reject("substance.medicineCode", "is not a medicine of the DrugBank vocabulary");
            }
        } else if (!Text.isBlank(input.substance().name())) {
            substance = new Substance(null, Text.clean(input.substance().name()));
        } else {
            violations.reject("substance", "give a medicineCode or a name");
        }
        AllergyCategory category =
                violations.check("category", () -> parse(AllergyCategory.class, "category", input.category()));
        AllergySeverity severity =
                violations.check("severity", () -> parse(AllergySeverity.class, "severity", input.severity()));
        violations.throwIfAny();
        AllergyId id = commands.send(
                new RecordAllergy(
                        AllergyListId.of(patient),
                        patient,
                        AllergyId.random(),
                        substance,
                        category,
                        input.reaction(),
                        severity),
                input.idempotencyKey(),
                env);
        return new AllergyPayload(id.toString());
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    AllergyPayload changeAllergyStatus(@Argument ChangeAllergyStatusInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        AllergyId allergy = violations.check("allergyId", () -> AllergyId.parse("allergyId", input.allergyId()));
        AllergyStatus status = violations.check("status", () -> parse(AllergyStatus.class, "status", input.status()));
        violations.throwIfAny();
        AllergyId id = commands.send(
                new ChangeAllergyStatus(AllergyListId.of(patient), allergy, status, input.reason()),
                input.idempotencyKey(),
                env);
        return new AllergyPayload(id.toString());
    }

    @MutationMapping
    @PreAuthorize(DOCTORS)
    PrescriptionPayload writePrescription(@Argument WritePrescriptionInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        WritePrescription command = command(input, "", violations);
        violations.throwIfAny();
        PrescriptionId id = commands.send(command, input.idempotencyKey(), env);
        return new PrescriptionPayload(id.toString());
    }

    @MutationMapping
    @PreAuthorize(DOCTORS)
    PrescriptionPayload replacePrescription(@Argument ReplacePrescriptionInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PrescriptionId old = violations.check(
                "prescriptionId", () -> PrescriptionId.parse("prescriptionId", input.prescriptionId()));
        WritePrescription replacement =
                input.replacement() == null ? null : command(input.replacement(), "replacement.", violations);
        if (replacement == null) {
            violations.reject("replacement", "is required");
        }
        violations.throwIfAny();
        PrescriptionId id =
                commands.send(new ReplacePrescription(old, replacement, input.reason()), input.idempotencyKey(), env);
        return new PrescriptionPayload(id.toString());
    }

    @MutationMapping
    @PreAuthorize(DOCTORS)
    PrescriptionPayload stopMedication(@Argument StopMedicationInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PrescriptionId id = violations.check(
                "prescriptionId", () -> PrescriptionId.parse("prescriptionId", input.prescriptionId()));
        if (input.item() == null) {
            violations.reject("item", "is required");
        }
        violations.throwIfAny();
        commands.send(new StopMedication(id, input.item(), input.reason()), input.idempotencyKey(), env);
        return new PrescriptionPayload(id.toString());
    }

    private static WritePrescription command(WritePrescriptionInput input, String prefix, Violations violations) {
        PatientId patient =
                violations.check(prefix + "patientId", () -> PatientId.parse("patientId", input.patientId()));
        // Only well formed here: that the encounter exists is checked when encounters are merged.
        EncounterId encounter =
                violations.check(prefix + "encounterId", () -> EncounterId.parse("encounterId", input.encounterId()));
        List<PrescribedItem> items = new ArrayList<>();
        List<PrescribedItemInput> given = input.items() == null ? List.of() : input.items();
        for (int i = 0; i < given.size(); i++) {
            items.add(item(prefix + "items." + i + ".", given.get(i), violations));
        }
        return new WritePrescription(
                PrescriptionId.random(),
                patient,
                encounter,
                items,
                input.advice(),
                input.followUpOn(),
                input.overrideReason(),
                verificationReference());
    }

    private static PrescribedItem item(String field, PrescribedItemInput in, Violations violations) {
        Frequency frequency = violations.check(field + "frequency", () -> Frequency.parse("frequency", in.frequency()));
        MealTiming timing = in.timing() == null
                ? null
                : violations.check(field + "timing", () -> parse(MealTiming.class, "timing", in.timing()));
        CourseDuration duration = violations.check(field + "duration", () -> duration(in));
        BigDecimal quantity = null;
        if (in.quantity() != null) {
            quantity = BigDecimal.valueOf(in.quantity()).stripTrailingZeros();
            if (quantity.signum() <= 0 || quantity.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                violations.reject(field + "quantity", "must be more than zero");
            }
        }
        String code = Text.clean(in.medicineCode());
        return new PrescribedItem(
                code == null ? null : code.toUpperCase(Locale.ROOT),
                in.genericName(),
                in.brand(),
                in.strength(),
                in.form(),
                in.dose(),
                in.route(),
                frequency,
                timing,
                duration,
                quantity,
                in.instructions());
    }

    private static CourseDuration duration(PrescribedItemInput in) {
        var d = in.duration();
        if (d == null) {
            throw CarelogException.validation("duration", "is required");
        }
        if (Boolean.TRUE.equals(d.continuing())) {
            if (d.amount() != null) {
                throw CarelogException.validation("duration", "give an amount and unit, or continuing, not both");
            }
            return CourseDuration.continuing();
        }
        if (d.amount() == null || d.unit() == null) {
            throw CarelogException.validation("duration", "give an amount and unit, or continuing: true");
        }
        try {
            return new CourseDuration(d.amount(), parse(DurationUnit.class, "unit", d.unit()));
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation("duration", e.getMessage());
        }
    }

    /** 128 random bits, URL-safe: printed as the QR code, unguessable. */
    static String verificationReference() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CarelogException.validation(
                    field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
