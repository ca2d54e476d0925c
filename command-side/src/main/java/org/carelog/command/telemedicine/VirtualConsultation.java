package org.carelog.command.telemedicine;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.clinical.EncounterIds;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Role;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.telemedicine.CancelConsultation;
import org.carelog.api.telemedicine.CloseJoinWindow;
import org.carelog.api.telemedicine.CompleteConsultation;
import org.carelog.api.telemedicine.CompletionReason;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationAccess;
import org.carelog.api.telemedicine.ConsultationCancelled;
import org.carelog.api.telemedicine.ConsultationCaregiverNamed;
import org.carelog.api.telemedicine.ConsultationCompleted;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationJoinedByClinician;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.ConsultationMissedByClinician;
import org.carelog.api.telemedicine.ConsultationMissedByPatient;
import org.carelog.api.telemedicine.ConsultationRescheduled;
import org.carelog.api.telemedicine.ConsultationScheduled;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.JoinConsultation;
import org.carelog.api.telemedicine.JoinConsultationAsClinician;
import org.carelog.api.telemedicine.JoinWindow;
import org.carelog.api.telemedicine.MoveConsultation;
import org.carelog.api.telemedicine.NameConsultationCaregiver;
import org.carelog.api.telemedicine.Participant;
import org.carelog.api.telemedicine.RecordTelemedicineConsent;
import org.carelog.api.telemedicine.ScheduleConsultation;
import org.carelog.api.telemedicine.TelemedicineConsentRecorded;
import org.carelog.api.telemedicine.TelemedicineRefusal;
import org.carelog.command.common.StaffPractitioners;

/**
 * One virtual consultation: its appointment's time and clinician, its room, who may join and when, the patient's
 * consent, and its state (scheduled, waiting room, in progress, completed, missed by either side, cancelled).
 * Joining is decided here with the injected clock and {@link JoinWindow}: only the patient (or the caregiver named
 * for them) through the current link version, and the assigned clinician's own account, inside the window, once
 * the patient has consented. A refused join stores nothing. Every join is an event, so a consultation's stream
 * grows with rejoins: it is cached between commands (the aggregate holds no personal data but the caregiver's
 * name, which the cache keeps in memory only).
 */
@Aggregate(cache = "virtualConsultationCache")
class VirtualConsultation {

    static final int NAME_LENGTH = 200;

    @AggregateIdentifier
    private ConsultationId consultationId;

    private PatientId patientId;
    private UUID appointmentId;
    private PractitionerId practitionerId;
    private Instant start;
    private Instant end;
    private String room;
    private int linkVersion;
    private ConsultationState state;
    private boolean consented;
    private String caregiverName;
    private String caregiverRelationship;

    VirtualConsultation() {
        // for Axon
    }

    @CommandHandler
    VirtualConsultation(ScheduleConsultation command) {
        Violations violations = new Violations();
        if (command.patientId() == null) {
            violations.reject("patientId", "is required");
        }
        if (command.appointmentId() == null) {
            violations.reject("appointmentId", "is required");
        }
        if (command.practitionerId() == null) {
            violations.reject("practitionerId", "is required");
        }
        if (command.start() == null || command.end() == null || !command.end().isAfter(command.start())) {
            violations.reject("end", "must be after the start");
        }
        if (command.room() == null || command.room().isBlank()) {
            violations.reject("room", "is required");
        }
        violations.throwIfAny();
        apply(new ConsultationScheduled(
                command.patientId(),
                command.consultationId(),
                command.appointmentId(),
                command.practitionerId(),
                command.start(),
                command.end(),
                command.room(),
                1));
    }

    @CommandHandler
    void handle(MoveConsultation command) {
        if (command.appointmentId().equals(appointmentId)
                && command.start().equals(start)
                && command.end().equals(end)) {
            return;
        }
        if (state.ended()) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    state == ConsultationState.CANCELLED
                            ? TelemedicineRefusal.CONSULTATION_CANCELLED
                            : TelemedicineRefusal.CONSULTATION_ENDED,
                    "The consultation is " + describe(state) + "; it does not move",
                    Map.of());
        }
        if (!command.end().isAfter(command.start())) {
            throw CarelogException.validation("end", "must be after the start");
        }
        apply(new ConsultationRescheduled(
                patientId,
                consultationId,
                command.appointmentId(),
                command.practitionerId() != null ? command.practitionerId() : practitionerId,
                command.start(),
                command.end(),
                linkVersion + 1));
    }

    @CommandHandler
    void handle(CancelConsultation command) {
        if (state.ended()) {
            return; // cancelled already, or over: nothing left to cancel
        }
        apply(new ConsultationCancelled(patientId, consultationId, appointmentId));
    }

    @CommandHandler
    void handle(
            RecordTelemedicineConsent command,
            ConsultationRegistry registry,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        Violations violations = new Violations();
        if (command.method() == null) {
            violations.reject("method", "is required");
        }
        if (command.givenBy() == null || command.givenBy() == Participant.CLINICIAN) {
            violations.reject("givenBy", "the patient or their caregiver gives consent");
        } else if (command.givenBy() == Participant.CAREGIVER && caregiverName == null) {
            violations.reject("givenBy", "no caregiver is named for this consultation");
        }
        violations.throwIfAny();
        boolean byLink = Role.PATIENT.name().equals(role);
        if (byLink != (command.method() == ConsentMethod.PATIENT_ON_JOIN_PAGE)) {
            throw new CarelogException(new CarelogError(
                    ErrorCode.FORBIDDEN,
                    byLink
                            ? "Consent through a join link is given on its join page"
                            : "Staff record consent given by phone; the join page records the patient's own",
                    null,
                    null));
        }
        if (consented || registry.consented(patientId)) {
            return;
        }
        apply(new TelemedicineConsentRecorded(patientId, consultationId, command.method(), command.givenBy()));
    }

    @CommandHandler
    void handle(NameConsultationCaregiver command) {
        Violations violations = new Violations();
        String name = violations.check("name", () -> Text.required("name", command.name(), NAME_LENGTH));
        String relationship = violations.check(
                "relationship", () -> Text.required("relationship", command.relationship(), NAME_LENGTH));
        violations.throwIfAny();
        requireOpen();
        if (name.equals(caregiverName) && relationship.equals(caregiverRelationship)) {
            return;
        }
        apply(new ConsultationCaregiverNamed(patientId, consultationId, name, relationship));
    }

    @CommandHandler
    ConsultationAccess handle(JoinConsultation command, Clock clock, JoinWindow window, ConsultationRegistry registry) {
        if (command.participant() == Participant.CLINICIAN
                || command.participant() == null
                || (command.participant() == Participant.CAREGIVER && caregiverName == null)) {
            throw refusal(
                    ErrorCode.FORBIDDEN,
                    TelemedicineRefusal.NOT_A_PARTICIPANT,
                    "This link admits nobody to the consultation",
                    Map.of());
        }
        requireOpen();
        if (command.linkVersion() != linkVersion) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    TelemedicineRefusal.LINK_REPLACED,
                    "The appointment was moved: use the newest link that was sent",
                    Map.of());
        }
        requireWindow(clock, window);
        requireConsent(registry);
        apply(new ConsultationJoinedByPatient(patientId, consultationId, command.participant(), linkVersion));
        return access(command.participant(), window);
    }

    @CommandHandler
    ConsultationAccess handle(
            JoinConsultationAsClinician command,
            Clock clock,
            JoinWindow window,
            ConsultationRegistry registry,
            StaffPractitioners staff,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireClinician(staff, username, role);
        requireOpen();
        requireWindow(clock, window);
        requireConsent(registry);
        apply(new ConsultationJoinedByClinician(
                patientId, consultationId, practitionerId, EncounterIds.forAppointment(appointmentId)));
        return access(Participant.CLINICIAN, window);
    }

    @CommandHandler
    void handle(
            CompleteConsultation command,
            StaffPractitioners staff,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        if (command.reason() == null) {
            throw CarelogException.validation("reason", "is required");
        }
        if (state == ConsultationState.COMPLETED) {
            return;
        }
        if (command.reason() == CompletionReason.ENDED_BY_CLINICIAN) {
            requireClinician(staff, username, role);
            if (state != ConsultationState.IN_PROGRESS) {
                throw CarelogException.conflict(
                        "The consultation is " + describe(state) + "; the clinician ends one in progress",
                        Map.of("state", state.name()));
            }
        } else if (state.ended()) {
            return; // an encounter signed after the consultation was cancelled or missed changes nothing here
        }
        apply(new ConsultationCompleted(patientId, consultationId, command.reason()));
    }

    @CommandHandler
    void handle(CloseJoinWindow command, Clock clock, JoinWindow window) {
        if (clock.instant().isBefore(window.closes(end))) {
            throw CarelogException.conflict(
                    "The join window is still open",
                    Map.of("closesAt", window.closes(end).toString()));
        }
        if (state == ConsultationState.SCHEDULED) {
            apply(new ConsultationMissedByPatient(patientId, consultationId));
        } else if (state == ConsultationState.WAITING_ROOM) {
            apply(new ConsultationMissedByClinician(patientId, consultationId));
        }
    }

    private void requireClinician(StaffPractitioners staff, String username, String role) {
        boolean assigned = Role.DOCTOR.name().equals(role)
                && username != null
                && staff.practitionerOf(username).map(practitionerId::equals).orElse(false);
        if (!assigned) {
            throw refusal(
                    ErrorCode.FORBIDDEN,
                    TelemedicineRefusal.NOT_A_PARTICIPANT,
                    "Only the clinician of the appointment joins this consultation",
                    Map.of());
        }
    }

    private void requireOpen() {
        if (state == ConsultationState.CANCELLED) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    TelemedicineRefusal.CONSULTATION_CANCELLED,
                    "The appointment was cancelled",
                    Map.of());
        }
        if (state.ended()) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    TelemedicineRefusal.CONSULTATION_ENDED,
                    "The consultation is " + describe(state),
                    Map.of("state", state.name()));
        }
    }

    private void requireWindow(Clock clock, JoinWindow window) {
        Instant now = clock.instant();
        Instant opens = window.opens(start);
        Instant closes = window.closes(end);
        if (now.isBefore(opens)) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    TelemedicineRefusal.JOIN_WINDOW_NOT_OPEN,
                    "Too early: the consultation can be joined from " + opens,
                    Map.of("opensAt", opens.toString(), "closesAt", closes.toString()));
        }
        if (now.isAfter(closes)) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    TelemedicineRefusal.JOIN_WINDOW_CLOSED,
                    "Too late: the consultation could be joined until " + closes,
                    Map.of("opensAt", opens.toString(), "closesAt", closes.toString()));
        }
    }

    private void requireConsent(ConsultationRegistry registry) {
        if (!consented && !registry.consented(patientId)) {
            throw refusal(
                    ErrorCode.CONFLICT,
                    TelemedicineRefusal.CONSENT_REQUIRED,
                    "The patient has not consented to telemedicine yet: they agree on their join page, or staff"
                            + " record the consent they give by phone",
                    Map.of());
        }
    }

    private ConsultationAccess access(Participant participant, JoinWindow window) {
        return new ConsultationAccess(
                consultationId,
                patientId,
                practitionerId,
                appointmentId,
                room,
                participant,
                window.opens(start),
                window.closes(end));
    }

    static CarelogException refusal(
            ErrorCode code, TelemedicineRefusal reason, String message, Map<String, Object> more) {
        Map<String, Object> extensions = new HashMap<>(more);
        extensions.put("reason", reason.name());
        return new CarelogException(new CarelogError(code, message, null, extensions));
    }

    private static String describe(ConsultationState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    @EventSourcingHandler
    void on(ConsultationScheduled event) {
        consultationId = event.consultationId();
        patientId = event.patientId();
        appointmentId = event.appointmentId();
        practitionerId = event.practitionerId();
        start = event.start();
        end = event.end();
        room = event.room();
        linkVersion = event.linkVersion();
        state = ConsultationState.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ConsultationRescheduled event) {
        appointmentId = event.appointmentId();
        practitionerId = event.practitionerId();
        start = event.start();
        end = event.end();
        linkVersion = event.linkVersion();
        state = ConsultationState.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ConsultationCancelled event) {
        state = ConsultationState.CANCELLED;
    }

    @EventSourcingHandler
    void on(TelemedicineConsentRecorded event) {
        consented = true;
    }

    @EventSourcingHandler
    void on(ConsultationCaregiverNamed event) {
        // The name is personal data: null once the patient is erased; a caregiver was named all the same.
        caregiverName = Objects.requireNonNullElse(event.name(), "");
        caregiverRelationship = event.relationship();
    }

    @EventSourcingHandler
    void on(ConsultationJoinedByPatient event) {
        if (state == ConsultationState.SCHEDULED) {
            state = ConsultationState.WAITING_ROOM;
        }
    }

    @EventSourcingHandler
    void on(ConsultationJoinedByClinician event) {
        state = ConsultationState.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ConsultationCompleted event) {
        state = ConsultationState.COMPLETED;
    }

    @EventSourcingHandler
    void on(ConsultationMissedByPatient event) {
        state = ConsultationState.MISSED_BY_PATIENT;
    }

    @EventSourcingHandler
    void on(ConsultationMissedByClinician event) {
        state = ConsultationState.MISSED_BY_CLINICIAN;
    }
}
