package org.carelog.infra.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.CarelogException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the clinical reports (V26): diagnoses, medicines prescribed, lab turnaround and abnormal rates. */
@Component
class ClinicalReports {

    static final int MAX_LIMIT = 200;

    record ReportCount(String key, int count) {}

    record DiagnosisCount(
            String system,
            String code,
            String title,
            String chapter,
            int count,
            List<ReportCount> bySex,
            List<ReportCount> byAgeGroup) {}

    record DiagnosisReport(int total, List<ReportCount> byChapter, List<DiagnosisCount> topCodes) {}

    record MedicineCount(String medicine, int prescriptions, int items) {}

    record LabTestTurnaround(
            String code,
            String name,
            int orders,
            int verified,
            Double turnaroundMedianHours,
            Double turnaround90thPercentileHours,
            int abnormal,
            Double abnormalRate) {}

    private final JdbcTemplate jdbc;

    ClinicalReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    DiagnosisReport diagnoses(ReportFilter filter, int limit) {
        ReportFilter.Condition where = filter.condition("d", true, false);
        where.sql().append(" and not d.retracted");
        int total = jdbc.queryForObject(
                "select count(*) from report_diagnosis d" + where.sql(),
                Integer.class,
                where.args().toArray());
        List<ReportCount> chapters = jdbc.query(
                "select coalesce(d.chapter, 'UNCODED'), count(*) from report_diagnosis d" + where.sql()
                        + " group by 1 order by 2 desc, 1",
                (rs, n) -> new ReportCount(rs.getString(1), rs.getInt(2)),
                where.args().toArray());
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit(limit));
        Map<String, DiagnosisCount> top = new LinkedHashMap<>();
        jdbc.query(
                "select d.system, d.code, c.title, d.chapter, count(*) from report_diagnosis d"
                        + " left join classification_code c on c.system = d.system and c.code = d.code" + where.sql()
                        + " and d.code is not null group by d.system, d.code, c.title, d.chapter"
                        + " order by 5 desc, d.code limit ?",
                rs -> {
                    String key = rs.getString(1) + "|" + rs.getString(2);
                    top.put(
                            key,
                            new DiagnosisCount(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    new ArrayList<>(),
                                    new ArrayList<>()));
                },
                args.toArray());
        if (!top.isEmpty()) {
            breakdown(where, "sex", top, DiagnosisCount::bySex);
            breakdown(where, "age_group", top, DiagnosisCount::byAgeGroup);
        }
        return new DiagnosisReport(total, chapters, List.copyOf(top.values()));
    }

    private void breakdown(
            ReportFilter.Condition where,
            String column,
            Map<String, DiagnosisCount> top,
            java.util.function.Function<DiagnosisCount, List<ReportCount>> into) {
        jdbc.query(
                "select d.system, d.code, d." + column + ", count(*) from report_diagnosis d" + where.sql()
                        + " and d.code is not null group by 1, 2, 3 order by 1, 2, 3",
                rs -> {
                    DiagnosisCount code = top.get(rs.getString(1) + "|" + rs.getString(2));
                    if (code != null) {
                        into.apply(code).add(new ReportCount(rs.getString(3), rs.getInt(4)));
                    }
                },
                where.args().toArray());
    }

    List<MedicineCount> medicines(ReportFilter filter, int limit) {
        ReportFilter.Condition where = filter.condition("p", true, false);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit(limit));
        return jdbc.query(
                "select p.medicine, count(distinct p.prescription_id), count(*) from report_prescription_item p"
                        + where.sql() + " group by p.medicine order by 2 desc, p.medicine limit ?",
                (rs, n) -> new MedicineCount(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                args.toArray());
    }

    List<LabTestTurnaround> labs(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition("l", true, false);
        where.sql().append(" and not l.cancelled");
        String hours = "extract(epoch from l.verified_at - l.ordered_at) / 3600.0";
        return jdbc.query(
                "select coalesce(l.code, ''), max(l.name), count(*), count(l.verified_at),"
                        + " percentile_cont(0.5) within group (order by " + hours + "),"
                        + " percentile_cont(0.9) within group (order by " + hours + "),"
                        + " count(*) filter (where l.flag is not null and l.flag <> 'NORMAL'),"
                        + " count(l.flag) from report_lab_order l" + where.sql()
                        + " group by coalesce(l.code, '') order by 3 desc, 1",
                (rs, n) -> {
                    int abnormal = rs.getInt(7);
                    int flagged = rs.getInt(8);
                    return new LabTestTurnaround(
                            rs.getString(1).isEmpty() ? null : rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            hoursOf(rs.getObject(5)),
                            hoursOf(rs.getObject(6)),
                            abnormal,
                            flagged == 0 ? null : (double) abnormal / flagged);
                },
                where.args().toArray());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CarelogException.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static Double hoursOf(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
}
