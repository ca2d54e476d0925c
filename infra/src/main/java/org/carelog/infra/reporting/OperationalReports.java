package org.carelog.infra.reporting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the operational reports from their projection (V25). */
@Component
class OperationalReports {

    /** One day of the census; registrations are facility-wide, so null when a department or practitioner is chosen. */
    record CensusDay(
            LocalDate day,
            Integer registrations,
            int appointmentsBooked,
            int appointmentsCancelled,
            int appointmentsAttended,
            int appointmentsNoShow,
            Double noShowRate,
            int walkInTokens,
            int appointmentTokens,
            int newPatientVisits,
            int returningPatientVisits) {}

    /** Waiting (issued to first call) and service (started to finished) times at one service point, in minutes. */
    record ServicePointFlow(
            UUID servicePointId,
            String code,
            String nameEn,
            int tokens,
            int served,
            int noShows,
            Double waitAverageMinutes,
            Double waitMedianMinutes,
            Double wait90thPercentileMinutes,
            Double serviceAverageMinutes,
            Double serviceMedianMinutes,
            Double service90thPercentileMinutes,
            List<Integer> tokensByHour,
            List<Integer> busiestHours) {}

    private final JdbcTemplate jdbc;

    OperationalReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CensusDay> census(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition("c", true, false);
        String sql = "select c.day, sum(c.registrations), sum(c.appointments_booked), sum(c.appointments_cancelled),"
                + " sum(c.appointments_attended), sum(c.appointments_no_show), sum(c.walk_in_tokens),"
                + " sum(c.appointment_tokens), sum(c.new_patient_visits), sum(c.returning_patient_visits)"
                + " from report_census c" + where.sql() + " group by c.day order by c.day";
        boolean facilityWide = filter.departmentId() == null && filter.practitionerId() == null;
        Map<LocalDate, CensusDay> byDay = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    int booked = rs.getInt(3);
                    int cancelled = rs.getInt(4);
                    int noShow = rs.getInt(6);
                    int expected = booked - cancelled;
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    byDay.put(
                            day,
                            new CensusDay(
                                    day,
                                    facilityWide ? rs.getInt(2) : null,
                                    booked,
                                    cancelled,
                                    rs.getInt(5),
                                    noShow,
                                    expected > 0 ? (double) noShow / expected : null,
                                    rs.getInt(7),
                                    rs.getInt(8),
                                    rs.getInt(9),
                                    rs.getInt(10)));
                },
                where.args().toArray());
        // Every day of the period appears, days without anything as zeros.
        return filter.from()
                .datesUntil(filter.to().plusDays(1))
                .map(day -> byDay.getOrDefault(
                        day, new CensusDay(day, facilityWide ? 0 : null, 0, 0, 0, 0, null, 0, 0, 0, 0)))
                .toList();
    }

    List<ServicePointFlow> flow(ReportFilter filter) {
        ReportFilter.Condition condition = filter.condition("t", false, true);
        String where = condition.sql().toString();
        List<Object> args = condition.args();
        Map<UUID, int[]> hours = new LinkedHashMap<>();
        jdbc.query(
                "select t.service_point_id, t.issued_hour, count(*) from report_token t" + where + " group by 1, 2",
                rs -> {
                    hours.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[24])[rs.getInt(2)] = rs.getInt(3);
                },
                args.toArray());
        // date_part gives float8 (extract gives numeric, several times slower to sort); one sort per measure
        // serves both percentiles.
        return jdbc.query(
                "select t.service_point_id, s.code, s.name_en, t.tokens, t.served, t.no_shows, t.wait_average,"
                        + " t.wait[1], t.wait[2], t.service_average, t.service[1], t.service[2] from ("
                        + " select t.service_point_id, count(*) as tokens, count(t.finished_at) as served,"
                        + " count(*) filter (where t.no_show) as no_shows,"
                        + " avg(date_part('epoch', t.called_at - t.issued_at) / 60) as wait_average,"
                        + " percentile_cont(array[0.5, 0.9]) within group"
                        + " (order by date_part('epoch', t.called_at - t.issued_at) / 60) as wait,"
                        + " avg(date_part('epoch', t.finished_at - t.started_at) / 60) as service_average,"
                        + " percentile_cont(array[0.5, 0.9]) within group"
                        + " (order by date_part('epoch', t.finished_at - t.started_at) / 60) as service"
                        + " from report_token t" + where + " group by t.service_point_id) t"
                        + " left join service_point_directory s on s.service_point_id = t.service_point_id"
                        + " order by s.code, t.service_point_id",
                (rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    int[] byHour = hours.getOrDefault(id, new int[24]);
                    return new ServicePointFlow(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getInt(6),
                            minutes(rs.getObject(7)),
                            minutes(rs.getObject(8)),
                            minutes(rs.getObject(9)),
                            minutes(rs.getObject(10)),
                            minutes(rs.getObject(11)),
                            minutes(rs.getObject(12)),
                            IntStream.of(byHour).boxed().toList(),
                            IntStream.range(0, 24)
                                    .filter(h -> byHour[h] > 0)
                                    .boxed()
                                    .sorted(Comparator.comparing((Integer h) -> -byHour[h])
                                            .thenComparing(h -> h))
                                    .limit(3)
                                    .toList());
                },
                args.toArray());
    }

    private static Double minutes(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
}
