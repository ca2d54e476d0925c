package org.carelog.command.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.queue.AppointmentReference;
import org.carelog.api.queue.IssueToken;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.command.telemedicine.ConsultationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A checked-in appointment joins the queue of its service point: issues the token, seated in line at the
 * appointment's time, on behalf of the staff member who checked the patient in. The appointment id is the
 * idempotency key, so a redelivered check-in issues one token; a replay issues none. A check-in handled
 * only after its day has ended (the process was down past midnight) gets no token: that queue is closed; nor does
 * a virtual appointment (checked in when the patient enters the consultation's waiting room).
 */
@Component
@ProcessingGroup(AppointmentTokenProcess.PROCESSING_GROUP)
@DisallowReplay
class AppointmentTokenProcess {

    static final String PROCESSING_GROUP = "appointment-tokens";

    private static final Logger log = LoggerFactory.getLogger(AppointmentTokenProcess.class);

    private final QueueCommands commands;
    private final Clock clock;
    private final ConsultationRegistry consultations;

    AppointmentTokenProcess(QueueCommands commands, Clock clock, ConsultationRegistry consultations) {
        this.commands = commands;
        this.clock = clock;
        this.consultations = consultations;
    }

    @EventHandler
    void on(
            AppointmentCheckedIn event,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role,
            @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        if (consultations.byAppointment(event.appointmentId().value()).isPresent()) {
            return; // a virtual visit: the patient is in the consultation's waiting room, not in the hall
        }
        LocalDate day = event.checkedInAt().atZone(clock.getZone()).toLocalDate();
        if (event.servicePointId() == null || !day.equals(LocalDate.now(clock))) {
            log.warn(
                    "No token for appointment {}: checked in on {} with service point {}",
                    event.appointmentId(),
                    day,
                    event.servicePointId());
            return;
        }
        var staff = UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        commands.sendAs(
                staff,
                new IssueToken(
                        new TokenQueueId(event.servicePointId(), day),
                        event.patientId(),
                        null,
                        null,
                        new AppointmentReference(event.appointmentId().value(), event.scheduledStart()),
                        null,
                        null),
                "check-in:" + event.appointmentId(),
                requestId);
    }
}
