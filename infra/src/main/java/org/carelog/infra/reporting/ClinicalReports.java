package org.carelog.infra.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    /**
     * One scan of the period's diagnoses, grouped by code, chapter, sex and age group; the total, the chapters,
     * the top codes and their splits are summed from those groups. Ties are broken in the database's collation
     * (the {@code dense_rank} columns), as an {@code order by} would.
     */
    DiagnosisReport diagnoses(ReportFilter filter, int limit) {
        ReportFilter.Condition where = filter.condition("d", true, false);
        where.sql().append(" and not d.retracted");
        int[] total = {0};
        Map<String, Tally> chapters = new HashMap<>();
        Map<String, CodeTally> codes = new HashMap<>();
        jdbc.query(
                "select g.system, g.code, c.title, g.chapter, g.sex, g.age_group, g.n,"
                        + " dense_rank() over (order by coalesce(g.chapter, 'UNCODED')),"
                        + " dense_rank() over (order by g.code, g.system),"
                        + " dense_rank() over (order by g.sex), dense_rank() over (order by g.age_group)"
                        + " from (select d.system, d.code, d.chapter, d.sex, d.age_group, count(*) as n"
                        + " from report_diagnosis d" + where.sql() + " group by 1, 2, 3, 4, 5) g"
                        + " left join classification_code c on c.system = g.system and c.code = g.code",
                rs -> {
                    String system = rs.getString(1);
                    String code = rs.getString(2);
                    String title = rs.getString(3);
                    String chapter = rs.getString(4);
                    String sex = rs.getString(5);
                    String age = rs.getString(6);
                    int n = rs.getInt(7);
                    int chapterRank = rs.getInt(8);
                    int codeRank = rs.getInt(9);
                    int sexRank = rs.getInt(10);
                    int ageRank = rs.getInt(11);
                    total[0] += n;
                    chapters.computeIfAbsent(chapter == null ? "UNCODED" : chapter, k -> new Tally(chapterRank))
                            .count += n;
                    if (code == null) {
                        return;
                    }
                    CodeTally tally = codes.computeIfAbsent(
                            system + "|" + code, k -> new CodeTally(system, code, title, chapter, codeRank));
                    tally.count += n;
                    tally.sexes.computeIfAbsent(sex, k -> new Tally(sexRank)).count += n;
                    tally.ages.computeIfAbsent(age, k -> new Tally(ageRank)).count += n;
                },
                where.args().toArray());
        List<DiagnosisCount> top = codes.values().stream()
                .sorted(Comparator.comparingInt((CodeTally c) -> -c.count).thenComparingInt(c -> c.rank))
                .limit(limit(limit))
                .map(c -> new DiagnosisCount(
                        c.system, c.code, c.title, c.chapter, c.count, byRank(c.sexes), byRank(c.ages)))
                .toList();
        List<ReportCount> byChapter = chapters.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Tally> e) -> -e.getValue().count)
                        .thenComparingInt(e -> e.getValue().rank))
                .map(e -> new ReportCount(e.getKey(), e.getValue().count))
                .toList();
        return new DiagnosisReport(total[0], byChapter, top);
    }

    /** A count and the key's place in the database's order. */
    private static final class Tally {
        final int rank;
        int count;

        Tally(int rank) {
            this.rank = rank;
        }
    }

    private static final class CodeTally {
        final String system;
        final String code;
        final String title;
        final String chapter;
        final int rank;
        final Map<String, Tally> sexes = new HashMap<>();
        final Map<String, Tally> ages = new HashMap<>();
        int count;

        CodeTally(String system, String code, String title, String chapter, int rank) {
            this.system = system;
            this.code = code;
            this.title = title;
            this.chapter = chapter;
            this.rank = rank;
        }
    }

    private static List<ReportCount> byRank(Map<String, Tally> tallies) {
        return tallies.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().rank))
                .map(e -> new ReportCount(e.getKey(), e.getValue().count))
                .toList();
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
