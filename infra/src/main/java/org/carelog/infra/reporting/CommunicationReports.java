package org.carelog.infra.reporting;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.MessageKind;
import org.carelog.infra.config.FacilityProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The communication report, read live from the record of every message ({@code communication_message}, V21/V28):
 * messages to patients are not events, so this report is not a projection and is not rebuilt from the event store.
 * The no-show figures join the operational report's appointments (V25) to the reminders by the messages' indexed
 * appointment id.
 */
@Component
class CommunicationReports {

    /** Messages of one kind and channel queued in the period, by what became of them. */
    record MessageFigures(
            MessageKind kind,
            MessageChannel channel,
            int queued,
            int waiting,
            int sent,
            int delivered,
            int failed,
            int expired,
            int withdrawn,
            int skippedNoConsent,
            int skippedNoAddress,
            int skippedNoPatient) {}

    /** Appointments of the period that were attended or missed. */
    record NoShowFigures(int appointments, int attended, int noShows, Double noShowRate) {}

    record CommunicationReport(
            List<MessageFigures> messages, NoShowFigures withReminder, NoShowFigures withoutReminder) {}

    /**
     * A reminder reached the patient when the gateway or mail server accepted it (SENT, or DELIVERED since) before
     * the appointment's start, which is the reminder's expiry (AppointmentReminders queues it so).
     */
    static final String REMINDED =
            "exists (select 1 from communication_message m where m.appointment_id = a.appointment_id"
                    + " and m.status in ('SENT', 'DELIVERED') and m.sent_at < m.expires_at)";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    CommunicationReports(JdbcTemplate jdbc, FacilityProperties facility) {
        this.jdbc = jdbc;
        this.zone = facility.zone();
    }

    CommunicationReport report(ReportFilter filter) {
        return new CommunicationReport(messages(filter), noShows(filter, true), noShows(filter, false));
    }

    private List<MessageFigures> messages(ReportFilter filter) {
        ReportFilter.Condition period = queuedIn(filter);
        return jdbc.query(
                "select m.kind, m.channel, count(*),"
                        + " count(*) filter (where m.status in ('QUEUED', 'SENDING')),"
                        + " count(*) filter (where m.status = 'SENT'),"
                        + " count(*) filter (where m.status = 'DELIVERED'),"
                        + " count(*) filter (where m.status = 'FAILED'),"
                        + " count(*) filter (where m.status = 'EXPIRED'),"
                        + " count(*) filter (where m.status = 'WITHDRAWN'),"
                        + " count(*) filter (where m.status = 'SKIPPED' and m.decision = 'NO_CONSENT'),"
                        + " count(*) filter (where m.status = 'SKIPPED' and m.decision = 'NO_ADDRESS'),"
                        + " count(*) filter (where m.status = 'SKIPPED' and m.decision = 'NO_PATIENT')"
                        + " from communication_message m" + period.sql()
                        + " group by m.kind, m.channel order by m.kind, m.channel nulls first",
                (rs, n) -> new MessageFigures(
                        MessageKind.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : MessageChannel.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11),
                        rs.getInt(12)),
                period.args().toArray());
    }

    private NoShowFigures noShows(ReportFilter filter, boolean reminded) {
        ReportFilter.Condition where = filter.condition("a", true, false);
        where.sql()
                .append(" and a.status in ('CHECKED_IN', 'COMPLETED', 'NO_SHOW') and ")
                .append(reminded ? "" : "not ")
                .append(REMINDED);
        return jdbc.queryForObject(
                "select count(*) filter (where a.status <> 'NO_SHOW'), count(*) filter (where a.status = 'NO_SHOW')"
                        + " from report_appointment a" + where.sql(),
                (rs, n) -> {
                    int attended = rs.getInt(1);
                    int noShows = rs.getInt(2);
                    int appointments = attended + noShows;
                    return new NoShowFigures(
                            appointments,
                            attended,
                            noShows,
                            appointments == 0 ? null : (double) noShows / appointments);
                },
                where.args().toArray());
    }

    /**
     * Messages queued (recorded) on the period's local days: a range of {@code created_at}, so the index serves it.
     * The department, practitioner and service point filters do not apply (a message has none of them).
     */
    ReportFilter.Condition queuedIn(ReportFilter filter) {
        return new ReportFilter.Condition(
                new StringBuilder(" where m.created_at >= ? and m.created_at < ?"),
                new ArrayList<>(List.of(
                        Timestamp.from(filter.from().atStartOfDay(zone).toInstant()),
                        Timestamp.from(
                                filter.to().plusDays(1).atStartOfDay(zone).toInstant()))));
    }

    ZoneId zone() {
        return zone;
    }
}
