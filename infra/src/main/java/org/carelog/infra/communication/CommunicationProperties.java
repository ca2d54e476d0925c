package org.carelog.infra.communication;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders, their channels and their delivery (see docs/configuration.md).
 *
 * @param reminders when reminders are due
 * @param quietHours facility-local hours without reminder SMS (start = end switches them off)
 * @param dispatch the sending workers, retries and back-off
 * @param scheduler the durable deadline scheduler (db-scheduler, table {@code scheduled_tasks})
 * @param sms the HTTP SMS gateway
 * @param email the sender of e-mails (the SMTP server is {@code spring.mail.*})
 */
@ConfigurationProperties("carelog.communication")
public record CommunicationProperties(
        @DefaultValue Reminders reminders,
        @DefaultValue QuietHoursWindow quietHours,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Sms sms,
        @DefaultValue Email email) {

    /**
     * @param appointmentOffsets reminders this long before an appointment's start
     * @param followUpDaysBefore a follow-up reminder this many days before the planned day
     * @param followUpAt at this local time
     * @param turnNearPlaces "your turn is near" when a waiting token is this many places or fewer from the call
     *     (0 switches it off)
     * @param turnNearCheckInterval how often waiting tokens are checked
     */
    public record Reminders(
            @DefaultValue({"PT24H", "PT2H"}) List<Duration> appointmentOffsets,
            @DefaultValue("1") int followUpDaysBefore,
            @DefaultValue("10:00") LocalTime followUpAt,
            @DefaultValue("3") int turnNearPlaces,
            @DefaultValue("PT15S") Duration turnNearCheckInterval) {}

    public record QuietHoursWindow(@DefaultValue("21:00") LocalTime start, @DefaultValue("08:00") LocalTime end) {}

    /**
     * @param enabled false stops sending (messages stay queued)
     * @param workers threads sending in parallel
     * @param batchSize messages a worker claims at once
     * @param pollInterval how often workers look for due messages when not woken
     * @param maxAttempts attempts before a temporary failure becomes final
     * @param initialBackoff wait after the first temporary failure, doubled each time
     * @param maxBackoff longest wait between attempts
     * @param sendingLease a message claimed longer ago than this (by a process that stopped) is reconciled
     */
    public record Dispatch(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("4") int workers,
            @DefaultValue("20") int batchSize,
            @DefaultValue("PT1S") Duration pollInterval,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("PT30S") Duration initialBackoff,
            @DefaultValue("PT30M") Duration maxBackoff,
            @DefaultValue("PT2M") Duration sendingLease) {

        public Dispatch {
            if (workers < 1 || batchSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "carelog.communication.dispatch: workers, batch-size and max-attempts must be at least 1");
            }
        }
    }

    /**
     * @param pollingInterval how often due deadlines are looked for
     * @param threads threads running due deadlines
     */
    public record Scheduler(@DefaultValue("PT10S") Duration pollingInterval, @DefaultValue("4") int threads) {}

    /**
     * @param url the gateway's send URL; empty: SMS are not sent (they fail as not configured)
     * @param statusUrl the gateway's status URL (our reference is added as {@code csms_id}), for delivery polling
     *     and for reconciling a message whose sending was interrupted; empty: interrupted SMS are not resent
     * @param format JSON or FORM parameters
     * @param apiToken sent as {@code api_token} when set
     * @param username sent as {@code user} when set
     * @param password sent as {@code password} when set
     * @param senderId sent as {@code sid}: the masking name or number
     * @param timeout the longest wait for an answer (a timeout is a temporary failure)
     * @param messageIdPointer JSON pointer to the gateway's message id in its answer
     * @param statusPointer JSON pointer to the delivery status in the status answer and in delivery reports
     * @param callbackSecret the shared secret delivery reports must carry ({@code X-Callback-Secret}); empty
     *     refuses every report
     * @param deliveryPollInterval how often sent SMS are asked for their delivery (with a status URL)
     */
    public record Sms(
            @DefaultValue("") String url,
            @DefaultValue("") String statusUrl,
            @DefaultValue("JSON") ParameterFormat format,
            @DefaultValue("") String apiToken,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("CARELOG") String senderId,
            @DefaultValue("PT10S") Duration timeout,
            @DefaultValue("/smsinfo/0/reference_id") String messageIdPointer,
            @DefaultValue("/status") String statusPointer,
            @DefaultValue("") String callbackSecret,
            @DefaultValue("PT5M") Duration deliveryPollInterval) {

        boolean configured() {
            return !url.isBlank();
        }

        URI sendUri() {
            return URI.create(url);
        }
    }

    public enum ParameterFormat {
        JSON,
        FORM
    }

    /**
     * @param from the sender address; empty: e-mails are not sent (they fail as not configured)
     * @param fromName the sender's display name
     */
    public record Email(@DefaultValue("") String from, @DefaultValue("Carelog Clinic") String fromName) {}
}
