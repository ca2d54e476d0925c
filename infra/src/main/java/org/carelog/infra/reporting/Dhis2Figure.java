package org.carelog.infra.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One monthly figure Carelog can report to DHIS2, parsed from its name:
 *
 * <pre>
 * census.registrations | census.appointments-booked | census.appointments-cancelled
 * | census.appointments-attended | census.no-shows | census.walk-ins | census.appointment-tokens
 * | census.new-patient-visits | census.returning-patient-visits
 * | diagnoses.all | diagnoses.chapter:&lt;ICD chapter&gt; | diagnoses.code:&lt;ICD code&gt;
 * | lab.orders:&lt;LOINC&gt; | lab.abnormal:&lt;LOINC&gt;
 * </pre>
 *
 * optionally narrowed as {@code name[sex=FEMALE,age=15-24,department=<uuid>]}: sex and age group (those of the
 * clinical reports) for diagnoses only, department for every figure but registrations (facility-wide). Each
 * figure is one count over a report projection's rows of the month's local days.
 */
record Dhis2Figure(String name, Measure measure, String argument, String sex, String ageGroup, UUID departmentId) {

    /** What is counted, and where. */
    enum Measure {
        REGISTRATIONS("census.registrations", "registrations"),
        APPOINTMENTS_BOOKED("census.appointments-booked", "appointments_booked"),
        APPOINTMENTS_CANCELLED("census.appointments-cancelled", "appointments_cancelled"),
        APPOINTMENTS_ATTENDED("census.appointments-attended", "appointments_attended"),
        NO_SHOWS("census.no-shows", "appointments_no_show"),
        WALK_INS("census.walk-ins", "walk_in_tokens"),
        APPOINTMENT_TOKENS("census.appointment-tokens", "appointment_tokens"),
        NEW_PATIENT_VISITS("census.new-patient-visits", "new_patient_visits"),
        RETURNING_PATIENT_VISITS("census.returning-patient-visits", "returning_patient_visits"),
        DIAGNOSES("diagnoses.all", null),
        DIAGNOSES_IN_CHAPTER("diagnoses.chapter", null),
        DIAGNOSES_OF_CODE("diagnoses.code", null),
        LAB_ORDERS("lab.orders", null),
        LAB_ABNORMAL("lab.abnormal", null);

        final String prefix;
        final String censusColumn;

        Measure(String prefix, String censusColumn) {
            this.prefix = prefix;
            this.censusColumn = censusColumn;
        }

        boolean takesArgument() {
            return this == DIAGNOSES_IN_CHAPTER
                    || this == DIAGNOSES_OF_CODE
                    || this == LAB_ORDERS
                    || this == LAB_ABNORMAL;
        }

        boolean diagnosis() {
            return this == DIAGNOSES || this == DIAGNOSES_IN_CHAPTER || this == DIAGNOSES_OF_CODE;
        }
    }

    static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    static final Set<String> AGE_GROUPS = Set.of("<1", "1-4", "5-14", "15-24", "25-44", "45-64", "65+", "UNKNOWN");

    private static final Pattern SHAPE = Pattern.compile("([a-z.\\-]+)(?::([A-Za-z0-9.\\-]{1,40}))?(?:\\[(.*)])?");

    /** SQL and its arguments, in order. */
    record Count(String sql, List<Object> args) {}

    /**
     * Parses a figure name; an IllegalArgumentException names the figure and says what is wrong (Carelog then
     * does not start).
     */
    static Dhis2Figure parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a DHIS2 mapping entry has no figure");
        }
        String text = name.strip();
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw unknown(text, "not a figure name");
        }
        Measure measure = null;
        for (Measure candidate : Measure.values()) {
            if (candidate.prefix.equals(m.group(1))) {
                measure = candidate;
            }
        }
        if (measure == null) {
            throw unknown(text, "no figure is called " + m.group(1));
        }
        String argument = m.group(2);
        if (measure.takesArgument() && argument == null) {
            throw unknown(text, measure.prefix + " needs a code after a colon, as in " + measure.prefix + ":XYZ");
        }
        if (!measure.takesArgument() && argument != null) {
            throw unknown(text, measure.prefix + " takes no code");
        }
        String sex = null;
        String age = null;
        UUID department = null;
        if (m.group(3) != null) {
            for (String qualifier : m.group(3).split(",", -1)) {
                String[] pair = qualifier.split("=", 2);
                if (pair.length != 2 || pair[1].isBlank()) {
                    throw unknown(text, "qualifiers are key=value, separated by commas");
                }
                String value = pair[1].strip();
                switch (pair[0].strip()) {
                    case "sex" -> {
                        if (!SEXES.contains(value)) {
                            throw unknown(text, "sex is one of " + new java.util.TreeSet<>(SEXES));
                        }
                        sex = value;
                    }
                    case "age" -> {
                        if (!AGE_GROUPS.contains(value)) {
                            throw unknown(text, "age is one of <1, 1-4, 5-14, 15-24, 25-44, 45-64, 65+, UNKNOWN");
                        }
                        age = value;
                    }
                    case "department" -> {
                        try {
                            department = UUID.fromString(value);
                        } catch (IllegalArgumentException e) {
                            throw unknown(text, "department is a department id (a UUID)");
                        }
                    }
                    default -> throw unknown(text, "unknown qualifier " + pair[0].strip());
                }
            }
        }
        if ((sex != null || age != null) && !measure.diagnosis()) {
            throw unknown(text, "only diagnoses are counted by sex and age group");
        }
        if (department != null && measure == Measure.REGISTRATIONS) {
            throw unknown(text, "registrations are facility-wide, not per department");
        }
        return new Dhis2Figure(text, measure, argument, sex, age, department);
    }

    private static IllegalArgumentException unknown(String name, String why) {
        return new IllegalArgumentException("carelog.reporting.dhis2.mapping: figure '" + name + "': " + why);
    }

    /** The report table this figure counts rows of (alias {@code r}, with a {@code day} column). */
    String table() {
        return measure.censusColumn != null
                ? "report_census"
                : measure.diagnosis() ? "report_diagnosis" : "report_lab_order";
    }

    /**
     * This figure as one aggregate over its table's rows of the period (alias {@code r}): a {@code FILTER} clause
     * holds its narrowing, so every figure of a table is counted in one pass.
     */
    Count aggregate() {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (measure.censusColumn != null) {
            where.append("true");
        } else if (measure.diagnosis()) {
            where.append("not r.retracted");
            and(where, args, measure == Measure.DIAGNOSES_IN_CHAPTER ? "r.chapter" : null, argument);
            and(where, args, measure == Measure.DIAGNOSES_OF_CODE ? "r.code" : null, argument);
            and(where, args, "r.sex", sex);
            and(where, args, "r.age_group", ageGroup);
        } else {
            where.append("not r.cancelled");
            and(where, args, "r.code", argument);
            if (measure == Measure.LAB_ABNORMAL) {
                where.append(" and r.flag is not null and r.flag <> 'NORMAL'");
            }
        }
        and(where, args, "r.department_id", departmentId);
        String sql = measure.censusColumn != null
                ? "coalesce(sum(r." + measure.censusColumn + ") filter (where " + where + "), 0)"
                : "count(*) filter (where " + where + ")";
        return new Count(sql, args);
    }

    /** The SQL that counts this figure alone over the month's local days (a single integer). */
    Count count(YearMonth month) {
        Count aggregate = aggregate();
        List<Object> args = new ArrayList<>(aggregate.args());
        args.add(month.atDay(1));
        args.add(month.atEndOfMonth());
        return new Count("select " + aggregate.sql() + " from " + table() + " r where r.day between ? and ?", args);
    }

    private static void and(StringBuilder sql, List<Object> args, String column, Object value) {
        if (column != null && value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
