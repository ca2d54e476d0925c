package org.carelog.command.clinical;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.clinical.ClinicalNoteAmended;
import org.carelog.api.clinical.ClinicalNoteWritten;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisResolved;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.DiagnosisStatus;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.clinical.FollowUpPlanned;
import org.carelog.api.clinical.NoteSection;
import org.carelog.api.clinical.OpenEncounter;
import org.carelog.api.clinical.PlanFollowUp;
import org.carelog.api.clinical.RecordDiagnosis;
import org.carelog.api.clinical.RecordVitalSigns;
import org.carelog.api.clinical.ResolveDiagnosis;
import org.carelog.api.clinical.RetractDiagnosis;
import org.carelog.api.clinical.SignEncounter;
import org.carelog.api.clinical.VitalSignLimits;
import org.carelog.api.clinical.VitalSignsRecorded;
import org.carelog.api.clinical.WriteClinicalNote;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Role;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.queue.TokenStatus;
import org.carelog.api.reference.CodeSystem;
import org.carelog.command.common.StaffPractitioners;

/**
 * One visit: its notes (versioned per section), vital signs, diagnoses and signature. Opened from a checked-in
 * appointment, a called token or directly; closed when its attending clinician, a doctor, signs it with a primary
 * diagnosis recorded. After signing nothing changes but by amendment with a reason (notes; diagnoses resolved or
 * retracted). Who may write is decided here from the sender's role in the command's metadata: doctors write
 * everything; nurses vital signs and notes, and diagnoses only where {@link ClinicalPolicy#nursesMayDiagnose()};
 * nobody else writes anything clinical.
 */
@Aggregate
class Encounter {

    static final int NOTE_LENGTH = 20_000;
    static final int REASON_LENGTH = 1_000;
    static final int DIAGNOSIS_TEXT_LENGTH = 500;
    static final int FOLLOW_UP_INSTRUCTIONS_LENGTH = 1_000;
    /** A follow-up further away than this is a new appointment, not a reminder. */
    static final int FOLLOW_UP_MAX_DAYS = 366;

    @AggregateIdentifier
    private EncounterId encounterId;

    private PatientId patientId;
    private PractitionerId attending;
    private EncounterStatus status;
    private final Map<NoteSection, Integer> noteVersions = new EnumMap<>(NoteSection.class);
    private final Map<NoteSection, String> noteTexts = new EnumMap<>(NoteSection.class);
    private final Map<UUID, Diagnosis> diagnoses = new HashMap<>();
    private final java.util.Set<UUID> vitals = new java.util.HashSet<>();
    private LocalDate followUpOn;
    private String followUpInstructions;

    private static final class Diagnosis {
        DiagnosisRank rank;
        DiagnosisStatus status = DiagnosisStatus.ACTIVE;

        Diagnosis(DiagnosisRank rank) {
            this.rank = rank;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Diagnosis d && rank == d.rank && status == d.status;
        }

        @Override
        public int hashCode() {
            return Objects.hash(rank, status);
        }
    }

    Encounter() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    EncounterId handle(
            OpenEncounter command,
            EncounterRegistry registry,
            StaffPractitioners staff,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireRole(role, "open encounters", Role.DOCTOR, Role.NURSE);
        if (encounterId != null) {
            // Opened before from the same appointment or token (or a repeated direct opening): the same encounter.
            if (command.patientId() != null && !command.patientId().equals(patientId)) {
                throw CarelogException.conflict("Encounter " + encounterId + " is another patient's", null);
            }
            return encounterId;
        }
        Violations violations = new Violations();
        if (command.type() == null) {
            violations.reject("type", "is required");
        }
        int sources = (command.appointmentId() != null ? 1 : 0)
                + (command.tokenId() != null ? 1 : 0)
                + (command.patientId() != null ? 1 : 0);
        if (sources != 1) {
            violations.reject("appointmentId", "give exactly one of appointmentId, tokenId or patientId");
        }
        violations.throwIfAny();
        PatientId patient;
        EncounterOrigin origin;
        java.util.UUID appointment = null;
        String token = null;
        if (command.appointmentId() != null) {
            EncounterRegistry.Appointment booked = registry.appointment(command.appointmentId())
                    .orElseThrow(() -> CarelogException.notFound("No appointment " + command.appointmentId()));
            if (!"CHECKED_IN".equals(booked.status())) {
                throw CarelogException.conflict(
                        "The appointment is "
                                + booked.status().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + ": an encounter opens from a checked-in appointment",
                        Map.of("status", booked.status()));
            }
            patient = booked.patientId();
            origin = EncounterOrigin.APPOINTMENT;
            appointment = booked.appointmentId();
        } else if (command.tokenId() != null) {
            EncounterRegistry.Token called = registry.token(command.tokenId())
                    .orElseThrow(() -> CarelogException.notFound("No token " + command.tokenId()));
            if (called.status() != TokenStatus.CALLED && called.status() != TokenStatus.SERVING) {
                throw CarelogException.conflict(
                        "The token is "
                                + called.status()
                                        .name()
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', ' ')
                                + ": an encounter opens from a called token or one in service",
                        Map.of("status", called.status().name()));
            }
            if (!registry.patientRegistered(called.patientId())) {
                throw CarelogException.conflict(
                        "The token is a walk-in's who is not registered: register them and link the token first", null);
            }
            patient = called.patientId();
            origin = EncounterOrigin.TOKEN;
            appointment = called.appointmentId();
            token = called.tokenId().toString();
        } else {
            if (!registry.patientRegistered(command.patientId())) {
                throw CarelogException.notFound("No registered patient " + command.patientId());
            }
            patient = command.patientId();
            origin = EncounterOrigin.DIRECT;
        }
        PractitionerId clinician = command.practitionerId() != null
                ? command.practitionerId()
                : staff.practitionerOf(username)
                        .orElseThrow(() -> CarelogException.validation(
                                "practitionerId",
                                "is required: your account acts as no practitioner, name the attending clinician"));
        PractitionerRole clinicianRole = registry.practitionerRole(clinician)
                .orElseThrow(() -> CarelogException.notFound("No practitioner " + clinician));
        if (clinicianRole != PractitionerRole.DOCTOR) {
            throw CarelogException.validation(
                    "practitionerId", "the attending clinician must be a doctor (only a doctor signs an encounter)");
        }
        apply(new EncounterOpened(
                patient, command.encounterId(), command.type(), origin, appointment, token, clinician));
        return command.encounterId();
    }

    @CommandHandler
    int handle(WriteClinicalNote command, @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireRole(role, "write clinical notes", Role.DOCTOR, Role.NURSE);
        Violations violations = new Violations();
        if (command.section() == null) {
            violations.reject("section", "is required");
        }
        String text = violations.check("text", () -> Text.required("text", command.text(), NOTE_LENGTH));
        String reason = null;
        if (status == EncounterStatus.SIGNED) {
            reason = violations.check("reason", () -> Text.required("reason", command.reason(), REASON_LENGTH));
        }
        violations.throwIfAny();
        int current = noteVersions.getOrDefault(command.section(), 0);
        if (current > 0 && text.equals(noteTexts.get(command.section()))) {
            return current;
        }
        if (status == EncounterStatus.SIGNED) {
            apply(new ClinicalNoteAmended(patientId, encounterId, command.section(), current + 1, text, reason));
        } else {
            apply(new ClinicalNoteWritten(patientId, encounterId, command.section(), current + 1, text));
        }
        return current + 1;
    }

    @CommandHandler
    UUID handle(RecordVitalSigns command, @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireRole(role, "record vital signs", Role.DOCTOR, Role.NURSE);
        if (command.vitalsId() != null && vitals.contains(command.vitalsId())) {
            return command.vitalsId();
        }
        Violations violations = new Violations();
        if (command.signs() == null || command.signs().isEmpty()) {
            violations.reject("signs", "at least one measurement is required");
        } else {
            VitalSignLimits.check(command.signs(), violations);
        }
        violations.throwIfAny();
        requireOpen("vital signs are recorded");
        apply(new VitalSignsRecorded(patientId, encounterId, command.vitalsId(), command.signs()));
        return command.vitalsId();
    }

    @CommandHandler
    UUID handle(
            RecordDiagnosis command,
            ClinicalPolicy policy,
            DiagnosisCodes codes,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireDiagnostician(role, policy);
        if (diagnoses.containsKey(command.diagnosisId())) {
            return command.diagnosisId();
        }
        Violations violations = new Violations();
        if (command.rank() == null) {
            violations.reject("rank", "is required");
        }
        String code = Text.clean(command.code());
        String text = Text.clean(command.uncodedText());
        if (code != null && text != null) {
            violations.reject("uncodedText", "give a code or an uncoded text, not both");
        } else if (code == null && text == null) {
            violations.reject("code", "a code, or an explicitly uncoded text, is required");
        } else if (text != null && text.length() > DIAGNOSIS_TEXT_LENGTH) {
            violations.reject("uncodedText", "is longer than " + DIAGNOSIS_TEXT_LENGTH + " characters");
        }
        violations.throwIfAny();
        CodeSystem system = null;
        String title = text;
        if (code != null) {
            system = command.system() == null ? CodeSystem.ICD11_MMS : command.system();
            code = code.toUpperCase(Locale.ROOT);
            CodeSystem finalSystem = system;
            String finalCode = code;
            title = codes.title(system, code)
                    .orElseThrow(() -> CarelogException.validation(
                            "code",
                            "is not a code of " + finalSystem.name()
                                    + (finalSystem == CodeSystem.ICD10 ? " (or no ICD-10 list was imported)" : "")
                                    + ": " + finalCode));
        }
        requireOpen("diagnoses are recorded");
        if (command.rank() == DiagnosisRank.PRIMARY && activePrimary()) {
            throw CarelogException.conflict(
                    "The encounter already has a primary diagnosis: record this one as secondary, or retract the"
                            + " primary first",
                    null);
        }
        apply(new DiagnosisRecorded(
                patientId,
                encounterId,
                command.diagnosisId(),
                command.rank(),
                system == null ? null : system.name(),
                code,
                title,
                code == null));
        return command.diagnosisId();
    }

    @CommandHandler
    void handle(ResolveDiagnosis command, ClinicalPolicy policy, @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireDiagnostician(role, policy);
        Diagnosis diagnosis = diagnosis(command.diagnosisId());
        String reason = Text.required("reason", command.reason(), REASON_LENGTH);
        if (diagnosis.status == DiagnosisStatus.RESOLVED) {
            return;
        }
        if (diagnosis.status == DiagnosisStatus.RETRACTED) {
            throw CarelogException.conflict("The diagnosis was retracted", Map.of("status", "RETRACTED"));
        }
        apply(new DiagnosisResolved(patientId, encounterId, command.diagnosisId(), reason));
    }

    @CommandHandler
    void handle(RetractDiagnosis command, ClinicalPolicy policy, @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireDiagnostician(role, policy);
        Diagnosis diagnosis = diagnosis(command.diagnosisId());
        String reason = Text.required("reason", command.reason(), REASON_LENGTH);
        if (diagnosis.status == DiagnosisStatus.RETRACTED) {
            return;
        }
        apply(new DiagnosisRetracted(patientId, encounterId, command.diagnosisId(), reason));
    }

    @CommandHandler
    void handle(
            SignEncounter command,
            StaffPractitioners staff,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireRole(role, "sign encounters", Role.DOCTOR);
        if (status == EncounterStatus.SIGNED) {
            return;
        }
        PractitionerId signer = staff.practitionerOf(username).orElse(null);
        if (!attending.equals(signer)) {
            throw forbidden("Only the attending clinician signs this encounter");
        }
        if (!activePrimary()) {
            throw CarelogException.conflict("Record a primary diagnosis before signing", null);
        }
        apply(new EncounterSigned(patientId, encounterId, signer));
    }

    /**
     * A doctor plans the patient's next visit ("come back in 7 days"), before or after signing: the plan is part
     * of the visit's outcome, not of its notes. The same plan again is nothing; a new day replaces the old plan.
     */
    @CommandHandler
    void handle(PlanFollowUp command, Clock clock, @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireRole(role, "plan follow-up visits", Role.DOCTOR);
        Violations violations = new Violations();
        LocalDate today = LocalDate.now(clock);
        if (command.dueOn() == null) {
            violations.reject("dueOn", "is required");
        } else if (!command.dueOn().isAfter(today)) {
            violations.reject("dueOn", "must be a day after today");
        } else if (command.dueOn().isAfter(today.plusDays(FOLLOW_UP_MAX_DAYS))) {
            violations.reject("dueOn", "must be within " + FOLLOW_UP_MAX_DAYS + " days");
        }
        String instructions = Text.isBlank(command.instructions())
                ? null
                : violations.check(
                        "instructions",
                        () -> Text.required("instructions", command.instructions(), FOLLOW_UP_INSTRUCTIONS_LENGTH));
        violations.throwIfAny();
        if (command.dueOn().equals(followUpOn) && Objects.equals(instructions, followUpInstructions)) {
            return;
        }
        apply(new FollowUpPlanned(patientId, encounterId, command.dueOn(), instructions));
    }

    private boolean activePrimary() {
        return diagnoses.values().stream()
                .anyMatch(d -> d.rank == DiagnosisRank.PRIMARY && d.status != DiagnosisStatus.RETRACTED);
    }

    private Diagnosis diagnosis(UUID id) {
        Diagnosis diagnosis = id == null ? null : diagnoses.get(id);
        if (diagnosis == null) {
            throw CarelogException.notFound("This encounter has no diagnosis " + id);
        }
        return diagnosis;
    }

    private void requireOpen(String what) {
        if (status == EncounterStatus.SIGNED) {
            throw CarelogException.conflict(
                    "The encounter is signed: no more " + what.split(" ")[0] + " can be added, only amendments",
                    Map.of("status", status.name()));
        }
    }

    private static void requireDiagnostician(String role, ClinicalPolicy policy) {
        if (policy.nursesMayDiagnose()) {
            requireRole(role, "record diagnoses", Role.DOCTOR, Role.NURSE);
        } else {
            requireRole(role, "record diagnoses", Role.DOCTOR);
        }
    }

    private static void requireRole(String role, String action, Role... allowed) {
        for (Role r : allowed) {
            if (r.name().equals(role)) {
                return;
            }
        }
        throw forbidden("Your role may not " + action);
    }

    private static CarelogException forbidden(String message) {
        return new CarelogException(new CarelogError(ErrorCode.FORBIDDEN, message, null, null));
    }

    @EventSourcingHandler
    void on(EncounterOpened event) {
        encounterId = event.encounterId();
        patientId = event.patientId();
        attending = event.attending();
        status = EncounterStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ClinicalNoteWritten event) {
        noteVersions.put(event.section(), event.version());
        noteTexts.put(event.section(), event.text());
    }

    @EventSourcingHandler
    void on(ClinicalNoteAmended event) {
        noteVersions.put(event.section(), event.version());
        noteTexts.put(event.section(), event.text());
    }

    @EventSourcingHandler
    void on(VitalSignsRecorded event) {
        vitals.add(event.vitalsId());
    }

    @EventSourcingHandler
    void on(DiagnosisRecorded event) {
        diagnoses.put(event.diagnosisId(), new Diagnosis(event.rank()));
    }

    @EventSourcingHandler
    void on(DiagnosisResolved event) {
        diagnoses.get(event.diagnosisId()).status = DiagnosisStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(DiagnosisRetracted event) {
        diagnoses.get(event.diagnosisId()).status = DiagnosisStatus.RETRACTED;
    }

    @EventSourcingHandler
    void on(EncounterSigned event) {
        status = EncounterStatus.SIGNED;
    }

    @EventSourcingHandler
    void on(FollowUpPlanned event) {
        followUpOn = event.dueOn();
        followUpInstructions = event.instructions();
    }
}
