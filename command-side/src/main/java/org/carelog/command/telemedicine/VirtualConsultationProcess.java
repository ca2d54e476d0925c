package org.carelog.command.telemedicine;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.common.CarelogException;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.CheckInAppointment;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.api.telemedicine.CancelConsultation;
import org.carelog.api.telemedicine.CompleteConsultation;
import org.carelog.api.telemedicine.CompletionReason;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.MoveConsultation;
import org.carelog.api.telemedicine.ScheduleConsultation;
import org.carelog.command.scheduling.ScheduleCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps virtual consultations in step with their appointments and encounters: a booked VIRTUAL appointment gets a
 * consultation in a new room; a rescheduled one moves it (or cancels it when the new appointment is in person); a
 * cancelled one cancels it; the patient entering the waiting room checks the appointment in (they have arrived,
 * virtually); the signed encounter completes it. Each command's idempotency key is the event's id, so a redelivered
 * event changes nothing twice; a replay sends nothing.
 */
@Component
@ProcessingGroup(VirtualConsultationProcess.PROCESSING_GROUP)
@DisallowReplay
class VirtualConsultationProcess {

    static final String PROCESSING_GROUP = "virtual-consultation-process";

    private static final Logger log = LoggerFactory.getLogger(VirtualConsultationProcess.class);

    private final TelemedicineCommands commands;
    private final ScheduleCommands schedule;
    private final ConsultationRegistry registry;
    private final VideoRooms rooms;
    private final Clock clock;

    VirtualConsultationProcess(
            TelemedicineCommands commands,
            ScheduleCommands schedule,
            ConsultationRegistry registry,
            VideoRooms rooms,
            Clock clock) {
        this.commands = commands;
        this.schedule = schedule;
        this.registry = registry;
        this.rooms = rooms;
        this.clock = clock;
    }

    @EventHandler
    void on(SlotBooked event, @MessageIdentifier String eventId) {
        Optional<ConsultationFacts> moved =
                Optional.ofNullable(event.rescheduledFrom()).flatMap(from -> registry.byAppointment(from.value()));
        if (moved.isPresent()) {
            ConsultationId consultation = moved.get().consultationId();
            if (event.type() == AppointmentType.VIRTUAL) {
                send(
                        new MoveConsultation(
                                consultation,
                                event.appointmentId().value(),
                                event.scheduleId().practitionerId(),
                                event.start(),
                                event.end()),
                        "move:" + eventId);
            } else {
                send(new CancelConsultation(consultation), "cancel:" + eventId);
            }
            return;
        }
        if (event.type() != AppointmentType.VIRTUAL) {
            return;
        }
        send(
                new ScheduleConsultation(
                        ConsultationId.forAppointment(event.appointmentId().value()),
                        event.patientId(),
                        event.appointmentId().value(),
                        event.scheduleId().practitionerId(),
                        event.start(),
                        event.end(),
                        rooms.newRoom()),
                "schedule:" + eventId);
    }

    @EventHandler
    void on(AppointmentCancelled event, @MessageIdentifier String eventId) {
        registry.byAppointment(event.appointmentId().value())
                .ifPresent(c -> send(new CancelConsultation(c.consultationId()), "cancel:" + eventId));
    }

    @EventHandler
    void on(ConsultationJoinedByPatient event, @MessageIdentifier String eventId) {
        registry.find(event.consultationId()).ifPresent(c -> {
            DayScheduleId day = new DayScheduleId(
                    c.practitionerId(), c.start().atZone(clock.getZone()).toLocalDate());
            try {
                schedule.sendAs(
                        TelemedicineCommands.TELEMEDICINE,
                        new CheckInAppointment(day, new AppointmentId(c.appointmentId())),
                        "check-in:" + eventId,
                        null);
            } catch (CarelogException | CommandExecutionException e) {
                log.warn("Virtual appointment {} not checked in: {}", c.appointmentId(), e.getMessage());
            }
        });
    }

    @EventHandler
    void on(EncounterSigned event, @MessageIdentifier String eventId) {
        registry.byEncounter(event.encounterId())
                .ifPresent(c -> send(
                        new CompleteConsultation(c.consultationId(), CompletionReason.ENCOUNTER_SIGNED),
                        "complete:" + eventId));
    }

    private void send(Object command, String key) {
        try {
            commands.sendAs(TelemedicineCommands.TELEMEDICINE, command, key, null);
        } catch (CarelogException | CommandExecutionException e) {
            // A rule refused it (the consultation is over, the booking is malformed): nothing to retry.
            log.warn("{} refused: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }
}
