package org.carelog.command.telemedicine;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterIds;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.clinical.OpenEncounter;
import org.carelog.api.common.CarelogException;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.CheckInAppointment;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.telemedicine.CompleteConsultation;
import org.carelog.api.telemedicine.CompletionReason;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationAccess;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.JoinConsultationAsClinician;
import org.carelog.api.telemedicine.NameConsultationCaregiver;
import org.carelog.api.telemedicine.RecordTelemedicineConsent;
import org.carelog.command.clinical.EncounterCommands;
import org.carelog.command.clinical.Encounters;
import org.carelog.command.scheduling.ScheduleCommands;
import org.carelog.command.telemedicine.TelemedicineInputs.ConsultationActionInput;
import org.carelog.command.telemedicine.TelemedicineInputs.ConsultationPayload;
import org.carelog.command.telemedicine.TelemedicineInputs.JoinConsultationPayload;
import org.carelog.command.telemedicine.TelemedicineInputs.NameConsultationCaregiverInput;
import org.carelog.command.telemedicine.TelemedicineInputs.RecordTelemedicineConsentInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Virtual consultations for staff: the clinician joins (and so opens the visit's VIRTUAL encounter) and ends;
 * staff record consent given by phone and name a caregiver. Patients join through their link
 * ({@code /telemedicine/join/<token>}, infra), not here.
 */
@Controller
class TelemedicineMutations {

    private static final String STAFF = "hasAnyRole('RECEPTIONIST', 'DOCTOR', 'NURSE')";

    private final TelemedicineCommands commands;
    private final ScheduleCommands schedule;
    private final EncounterCommands encounters;
    private final ConsultationRegistry registry;
    private final VideoRooms rooms;
    private final Encounters encounterLookup;
    private final Clock clock;

    TelemedicineMutations(
            TelemedicineCommands commands,
            ScheduleCommands schedule,
            EncounterCommands encounters,
            ConsultationRegistry registry,
            VideoRooms rooms,
            Encounters encounterLookup,
            Clock clock) {
        this.commands = commands;
        this.schedule = schedule;
        this.encounters = encounters;
        this.registry = registry;
        this.rooms = rooms;
        this.encounterLookup = encounterLookup;
        this.clock = clock;
    }

    /**
     * The consultation decides first (window, consent, state, the sender is its clinician) and records the join;
     * then, unless its encounter exists already, the appointment is checked in and its VIRTUAL encounter opened
     * (both idempotent), so a retry after a failure between the steps completes them.
     */
    @MutationMapping
    @PreAuthorize("hasRole('DOCTOR')")
    JoinConsultationPayload joinConsultation(@Argument ConsultationActionInput input, DataFetchingEnvironment env) {
        ConsultationId consultation = ConsultationId.parse("consultationId", input.consultationId());
        ConsultationAccess access =
                commands.send(new JoinConsultationAsClinician(consultation), key(input, "join"), env);
        EncounterId encounter = EncounterIds.forAppointment(access.appointmentId());
        if (encounterLookup.find(encounter).isEmpty()) {
            // The first join (or a retry after a failure here): check the appointment in and open its encounter.
            ConsultationFacts facts = registry.find(consultation)
                    .orElseThrow(() -> CarelogException.notFound("No virtual consultation " + consultation));
            DayScheduleId day = new DayScheduleId(
                    facts.practitionerId(),
                    facts.start().atZone(clock.getZone()).toLocalDate());
            schedule.send(
                    new CheckInAppointment(day, new AppointmentId(access.appointmentId())),
                    key(input, "check-in"),
                    env);
            encounters.send(
                    new OpenEncounter(
                            encounter,
                            EncounterType.VIRTUAL,
                            access.appointmentId(),
                            null,
                            null,
                            access.practitionerId()),
                    key(input, "encounter"),
                    env);
        }
        return new JoinConsultationPayload(
                consultation.toString(),
                encounter.toString(),
                rooms.admit(access).toString(),
                access.windowCloses().atZone(clock.getZone()).toOffsetDateTime());
    }

    @MutationMapping
    @PreAuthorize("hasRole('DOCTOR')")
    ConsultationPayload endConsultation(@Argument ConsultationActionInput input, DataFetchingEnvironment env) {
        ConsultationId consultation = ConsultationId.parse("consultationId", input.consultationId());
        commands.send(
                new CompleteConsultation(consultation, CompletionReason.ENDED_BY_CLINICIAN),
                input.idempotencyKey(),
                env);
        return new ConsultationPayload(consultation.toString());
    }

    @MutationMapping
    @PreAuthorize(STAFF)
    ConsultationPayload recordTelemedicineConsent(
            @Argument RecordTelemedicineConsentInput input, DataFetchingEnvironment env) {
        ConsultationId consultation = ConsultationId.parse("consultationId", input.consultationId());
        commands.send(
                new RecordTelemedicineConsent(consultation, ConsentMethod.STAFF_BY_PHONE, input.givenBy()),
                input.idempotencyKey(),
                env);
        return new ConsultationPayload(consultation.toString());
    }

    @MutationMapping
    @PreAuthorize(STAFF)
    ConsultationPayload nameConsultationCaregiver(
            @Argument NameConsultationCaregiverInput input, DataFetchingEnvironment env) {
        ConsultationId consultation = ConsultationId.parse("consultationId", input.consultationId());
        commands.send(
                new NameConsultationCaregiver(consultation, input.name(), input.relationship()),
                input.idempotencyKey(),
                env);
        return new ConsultationPayload(consultation.toString());
    }

    private static String key(ConsultationActionInput input, String step) {
        return input.idempotencyKey() == null || input.idempotencyKey().isBlank()
                ? null
                : input.idempotencyKey().strip() + ":" + step;
    }
}
