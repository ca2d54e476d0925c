package org.carelog.command.clinical;

import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterIds;
import org.carelog.api.clinical.OpenEncounter;
import org.carelog.api.clinical.RecordDiagnosis;
import org.carelog.api.clinical.RecordVitalSigns;
import org.carelog.api.clinical.ResolveDiagnosis;
import org.carelog.api.clinical.RetractDiagnosis;
import org.carelog.api.clinical.SignEncounter;
import org.carelog.api.clinical.VitalSignLimits;
import org.carelog.api.clinical.VitalSigns;
import org.carelog.api.clinical.WriteClinicalNote;
import org.carelog.api.common.Ids;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.queue.TokenId;
import org.carelog.command.clinical.EncounterInputs.ChangeDiagnosisInput;
import org.carelog.command.clinical.EncounterInputs.ClinicalNotePayload;
import org.carelog.command.clinical.EncounterInputs.DiagnosisPayload;
import org.carelog.command.clinical.EncounterInputs.EncounterPayload;
import org.carelog.command.clinical.EncounterInputs.OpenEncounterInput;
import org.carelog.command.clinical.EncounterInputs.RecordDiagnosisInput;
import org.carelog.command.clinical.EncounterInputs.RecordVitalSignsInput;
import org.carelog.command.clinical.EncounterInputs.SignEncounterInput;
import org.carelog.command.clinical.EncounterInputs.VitalSignsPayload;
import org.carelog.command.clinical.EncounterInputs.WriteClinicalNoteInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Encounters: clinicians open visits and write notes, vital signs and diagnoses; the attending doctor signs.
 * The finer rules (nurses and diagnoses, who signs) are the aggregate's, from the sender's role.
 */
@Controller
class EncounterMutations {

    private static final String CLINICIANS = "hasAnyRole('DOCTOR', 'NURSE')";

    private final EncounterCommands commands;
    private final EncounterRegistry registry;

    EncounterMutations(EncounterCommands commands, EncounterRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    EncounterPayload openEncounter(@Argument OpenEncounterInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        UUID appointment = input.appointmentId() == null
                ? null
                : violations.check(
                        "appointmentId", () -> Ids.uuid("appointmentId", input.appointmentId(), "appointment"));
        TokenId token = input.tokenId() == null
                ? null
                : violations.check("tokenId", () -> TokenId.parse("tokenId", input.tokenId()));
        PatientId patient = input.patientId() == null
                ? null
                : violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        PractitionerId practitioner = input.practitionerId() == null
                ? null
                : violations.check(
                        "practitionerId", () -> PractitionerId.parse("practitionerId", input.practitionerId()));
        violations.throwIfAny();
        EncounterId id;
        if (appointment != null) {
            id = EncounterIds.forAppointment(appointment);
        } else if (token != null) {
            // A token issued for a checked-in appointment is that appointment's visit: one encounter for both.
            id = registry.token(token)
                    .filter(t -> t.appointmentId() != null)
                    .map(t -> EncounterIds.forAppointment(t.appointmentId()))
                    .orElse(EncounterIds.forToken(token));
        } else {
            id = EncounterId.random();
        }
        EncounterId opened = commands.send(
                new OpenEncounter(id, input.type(), appointment, token, patient, practitioner),
                input.idempotencyKey(),
                env);
        return new EncounterPayload(opened.toString());
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    ClinicalNotePayload writeClinicalNote(@Argument WriteClinicalNoteInput input, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("encounterId", input.encounterId());
        int version = commands.send(
                new WriteClinicalNote(encounter, input.section(), input.text(), input.reason()),
                input.idempotencyKey(),
                env);
        return new ClinicalNotePayload(encounter.toString(), input.section(), version);
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    VitalSignsPayload recordVitalSigns(@Argument RecordVitalSignsInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        EncounterId encounter =
                violations.check("encounterId", () -> EncounterId.parse("encounterId", input.encounterId()));
        Double temperature = input.temperatureCelsius();
        if (input.temperatureFahrenheit() != null) {
            if (temperature != null) {
                violations.reject("temperatureFahrenheit", "give the temperature in one unit only");
            }
            temperature = VitalSignLimits.celsiusFromFahrenheit(input.temperatureFahrenheit());
        }
        Double glucose = input.glucoseMmolPerL();
        if (input.glucoseMgPerDl() != null) {
            if (glucose != null) {
                violations.reject("glucoseMgPerDl", "give the glucose in one unit only");
            }
            glucose = VitalSignLimits.mmolPerLFromMgPerDl(input.glucoseMgPerDl());
        }
        violations.throwIfAny();
        VitalSigns signs = new VitalSigns(
                input.systolic(),
                input.diastolic(),
                input.pulse(),
                temperature,
                input.spo2(),
                input.respiratoryRate(),
                input.weightKg(),
                input.heightCm(),
                glucose);
        // A repeated request (same idempotency key) answers the first request's id.
        UUID vitalsId =
                commands.send(new RecordVitalSigns(encounter, UUID.randomUUID(), signs), input.idempotencyKey(), env);
        return new VitalSignsPayload(
                encounter.toString(), vitalsId.toString(), temperature, glucose, signs.bodyMassIndex());
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    DiagnosisPayload recordDiagnosis(@Argument RecordDiagnosisInput input, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("encounterId", input.encounterId());
        // A repeated request (same idempotency key) answers the first request's id.
        UUID diagnosisId = commands.send(
                new RecordDiagnosis(
                        encounter, UUID.randomUUID(), input.rank(), input.system(), input.code(), input.uncodedText()),
                input.idempotencyKey(),
                env);
        return new DiagnosisPayload(encounter.toString(), diagnosisId.toString());
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    DiagnosisPayload resolveDiagnosis(@Argument ChangeDiagnosisInput input, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("encounterId", input.encounterId());
        UUID diagnosis = Ids.uuid("diagnosisId", input.diagnosisId(), "diagnosis");
        commands.send(new ResolveDiagnosis(encounter, diagnosis, input.reason()), input.idempotencyKey(), env);
        return new DiagnosisPayload(encounter.toString(), diagnosis.toString());
    }

    @MutationMapping
    @PreAuthorize(CLINICIANS)
    DiagnosisPayload retractDiagnosis(@Argument ChangeDiagnosisInput input, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("encounterId", input.encounterId());
        UUID diagnosis = Ids.uuid("diagnosisId", input.diagnosisId(), "diagnosis");
        commands.send(new RetractDiagnosis(encounter, diagnosis, input.reason()), input.idempotencyKey(), env);
        return new DiagnosisPayload(encounter.toString(), diagnosis.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('DOCTOR')")
    EncounterPayload signEncounter(@Argument SignEncounterInput input, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("encounterId", input.encounterId());
        commands.send(new SignEncounter(encounter), input.idempotencyKey(), env);
        return new EncounterPayload(encounter.toString());
    }
}
