package org.carelog.infra.communication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.MessageDecision;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.MessageStatus;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.communication.QuietHours;
import org.carelog.api.patient.Language;
import org.carelog.command.communication.ReminderOutbox;
import org.carelog.command.communication.StaffMessages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a message to a patient is queued, whoever asks: another feature ({@link PatientMessaging}), a due
 * reminder ({@link ReminderOutbox}) or a staff member resending ({@link StaffMessages}). The deduplication key is
 * claimed by the insert (a unique index), in the caller's transaction; the channel, language and consent are decided
 * here from the patient directory and the decision is recorded with the message, also when nothing is sent. The
 * texts are rendered now, encrypted with the patient's key; secret values appear only in the outgoing text.
 */
final class MessagePipeline implements PatientMessaging, ReminderOutbox, StaffMessages {

    static final String MASK = "******";

    /** What the pipeline needs to know about a patient, from the directory. */
    record Recipient(String phone, String email, Language language, boolean smsConsent, boolean emailConsent) {}

    private final JdbcTemplate jdbc;
    private final MessageStore store;
    private final MessageContents contents;
    private final Templates templates;
    private final QuietHours quietHours;
    private final Clock clock;
    private final String facility;
    private final ZoneId zone;
    private final Runnable wake;

    MessagePipeline(
            JdbcTemplate jdbc,
            MessageStore store,
            MessageContents contents,
            Templates templates,
            QuietHours quietHours,
            Clock clock,
            String facility,
            ZoneId zone,
            Runnable wake) {
        this.jdbc = jdbc;
        this.store = store;
        this.contents = contents;
        this.templates = templates;
        this.quietHours = quietHours;
        this.clock = clock;
        this.facility = facility;
        this.zone = zone;
        this.wake = wake;
    }

    @Override
    public UUID send(PatientMessageRequest request) {
        return queue(request, null, MessageDecision.REQUESTED, null, null, true);
    }

    @Override
    public void queue(PatientMessageRequest reminder, Instant expiresAt) {
        queue(reminder, expiresAt, null, null, null, false);
    }

    @Override
    public void withdraw(String deduplicationKey) {
        store.withdraw(deduplicationKey, clock.instant());
    }

    @Override
    public UUID resend(UUID messageId, String requestKey, String username) {
        MessageStore.Stored failed =
                store.find(messageId).orElseThrow(() -> CarelogException.notFound("No message " + messageId));
        String key = "resend:" + messageId + ":" + requestKey;
        Optional<UUID> repeated = store.idOf(key);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        if (failed.status() != MessageStatus.FAILED) {
            throw CarelogException.conflict(
                    "Only a failed message can be resent; this one is " + failed.status(),
                    Map.of("status", failed.status().name()));
        }
        MessageContents.Outgoing outgoing = contents.open(failed.content(), MessageContents.Outgoing.class);
        if (failed.hasSecret() || outgoing == null) {
            throw CarelogException.conflict(
                    "This message held a one-time secret that is not kept: ask for a new one", null);
        }
        if (outgoing.text() == null) {
            throw CarelogException.notFound("The patient of message " + messageId + " was erased");
        }
        Instant now = clock.instant();
        MessageContents.Displayed display = contents.open(failed.display(), MessageContents.Displayed.class);
        UUID id = store.insert(
                new MessageStore.NewMessage(
                        UUID.randomUUID(),
                        key,
                        failed.patientId(),
                        failed.kind(),
                        failed.channel(),
                        failed.language(),
                        MessageStatus.QUEUED,
                        MessageDecision.RESENT_BY_STAFF,
                        failed.content(),
                        contents.seal(display),
                        false,
                        failed.channel() == MessageChannel.SMS ? SmsSegments.of(outgoing.text()) : null,
                        now,
                        null,
                        messageId,
                        username),
                now);
        wakeAfterCommit();
        return id;
    }

    private UUID queue(
            PatientMessageRequest request,
            Instant expiresAt,
            MessageDecision requestedDecision,
            UUID resendOf,
            String requestedBy,
            boolean strict) {
        Optional<UUID> existing = store.idOf(request.deduplicationKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        UUID patientId = request.patientId().value();
        Recipient recipient = recipient(patientId).orElse(null);
        if (recipient == null) {
            if (strict) {
                throw CarelogException.notFound("No patient " + patientId + " to send a message to");
            }
            return record(request, null, null, MessageStatus.SKIPPED, MessageDecision.NO_PATIENT, now);
        }
        MessageKind kind = request.kind();
        MessageChannel channel;
        MessageDecision decision;
        if (kind.requested()) {
            channel = request.channel() != null
                    ? request.channel()
                    : recipient.phone() != null ? MessageChannel.SMS : MessageChannel.EMAIL;
            decision = requestedDecision == null ? MessageDecision.REQUESTED : requestedDecision;
            if (address(recipient, channel) == null) {
                if (strict) {
                    throw CarelogException.validation(
                            "channel", "The patient has no " + (channel == MessageChannel.SMS ? "phone" : "e-mail"));
                }
                return record(
                        request, channel, recipient.language(), MessageStatus.SKIPPED, MessageDecision.NO_ADDRESS, now);
            }
        } else {
            channel = reminderChannel(request.channel(), recipient);
            if (channel == null) {
                boolean anyAddress = recipient.phone() != null || recipient.email() != null;
                return record(
                        request,
                        request.channel(),
                        recipient.language(),
                        MessageStatus.SKIPPED,
                        anyAddress ? MessageDecision.NO_CONSENT : MessageDecision.NO_ADDRESS,
                        now);
            }
            decision = MessageDecision.CONSENTED;
        }
        String address = address(recipient, channel);
        Map<String, String> values = values(request, recipient.language());
        Map<String, String> masked = new HashMap<>(values);
        request.secretValues().forEach(name -> masked.put(name, MASK));
        Templates.Rendered real = templates.render(kind, recipient.language(), values);
        Templates.Rendered shown = templates.render(kind, recipient.language(), masked);
        boolean sms = channel == MessageChannel.SMS;
        Instant next = sms && !kind.requested() ? quietHours.nextAllowed(now) : now;
        MessageStatus status =
                expiresAt != null && !next.isBefore(expiresAt) ? MessageStatus.EXPIRED : MessageStatus.QUEUED;
        UUID id = store.insert(
                new MessageStore.NewMessage(
                        UUID.randomUUID(),
                        request.deduplicationKey(),
                        patientId,
                        kind,
                        channel,
                        recipient.language().name(),
                        status,
                        decision,
                        status == MessageStatus.QUEUED
                                ? contents.seal(new MessageContents.Outgoing(
                                        request.patientId(),
                                        address,
                                        sms ? null : real.subject(),
                                        sms ? real.sms() : real.text(),
                                        sms ? null : real.html()))
                                : null,
                        contents.seal(new MessageContents.Displayed(
                                request.patientId(),
                                address,
                                sms ? shown.sms() : shown.subject() + "\n\n" + shown.text())),
                        !request.secretValues().isEmpty(),
                        sms ? SmsSegments.of(real.sms()) : null,
                        next,
                        expiresAt,
                        resendOf,
                        requestedBy),
                now);
        if (status == MessageStatus.QUEUED) {
            wakeAfterCommit();
        }
        return id;
    }

    /** The channel of a reminder: the one asked for, else SMS, else e-mail; only with consent and an address. */
    private static MessageChannel reminderChannel(MessageChannel asked, Recipient r) {
        if (asked != null) {
            return consented(r, asked) && address(r, asked) != null ? asked : null;
        }
        if (r.smsConsent() && r.phone() != null) {
            return MessageChannel.SMS;
        }
        if (r.emailConsent() && r.email() != null) {
            return MessageChannel.EMAIL;
        }
        return null;
    }

    private static boolean consented(Recipient r, MessageChannel channel) {
        return channel == MessageChannel.SMS ? r.smsConsent() : r.emailConsent();
    }

    private static String address(Recipient r, MessageChannel channel) {
        return channel == MessageChannel.SMS ? r.phone() : r.email();
    }

    private UUID record(
            PatientMessageRequest request,
            MessageChannel channel,
            Language language,
            MessageStatus status,
            MessageDecision decision,
            Instant now) {
        return store.insert(
                new MessageStore.NewMessage(
                        UUID.randomUUID(),
                        request.deduplicationKey(),
                        request.patientId().value(),
                        request.kind(),
                        channel,
                        language == null ? null : language.name(),
                        status,
                        decision,
                        null,
                        null,
                        !request.secretValues().isEmpty(),
                        null,
                        null,
                        null,
                        null,
                        null),
                now);
    }

    /** The request's values, with the facility, and dates, times and the doctor's name as the patient reads them. */
    private Map<String, String> values(PatientMessageRequest request, Language language) {
        Map<String, String> values = new HashMap<>(request.values());
        values.putIfAbsent("facility", facility);
        Locale locale = language == Language.BN ? Locale.forLanguageTag("bn-BD") : Locale.ENGLISH;
        DecimalStyle digits = DecimalStyle.of(locale);
        DateTimeFormatter date =
                DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale).withDecimalStyle(digits);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("h:mm a", locale).withDecimalStyle(digits);
        String start = request.values().get("start");
        if (start != null) {
            var local = Instant.parse(start).atZone(zone);
            values.putIfAbsent("date", date.format(local));
            values.putIfAbsent("time", time.format(local));
        } else if (request.values().get("date") != null
                && request.values().get("date").matches("\\d{4}-\\d{2}-\\d{2}")) {
            values.put(
                    "date",
                    date.format(java.time.LocalDate.parse(request.values().get("date"))));
        }
        String practitioner = request.values().get("practitionerId");
        if (practitioner != null && practitioner.matches("[0-9a-fA-F-]{36}")) {
            jdbc
                    .query(
                            "select name_bn, name_en, display_name from practitioner_directory where practitioner_id = ?",
                            (rs, i) -> language == Language.BN && rs.getString(1) != null
                                    ? rs.getString(1)
                                    : rs.getString(2) != null ? rs.getString(2) : rs.getString(3),
                            UUID.fromString(practitioner))
                    .stream()
                    .findFirst()
                    .ifPresent(name -> values.putIfAbsent("doctor", name));
        }
        values.putIfAbsent("doctor", language == Language.BN ? "ডাক্তার" : "your doctor");
        return values;
    }

    /** The patient's address, language and consent, from the directory; empty when unknown or erased. */
    Optional<Recipient> recipient(UUID patientId) {
        return jdbc
                .query(
                        "select phone, email, preferred_language, sms_consent, email_consent from patient_directory"
                                + " where patient_id = ? and not erased",
                        (rs, i) -> new Recipient(
                                blankToNull(rs.getString(1)),
                                blankToNull(rs.getString(2)),
                                "EN".equals(rs.getString(3)) ? Language.EN : Language.BN,
                                rs.getBoolean(4),
                                rs.getBoolean(5)),
                        patientId)
                .stream()
                .findFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        } else {
            wake.run();
        }
    }
}
