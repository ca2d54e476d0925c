package org.carelog.infra.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.CarelogException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a month's DHIS2 data value set (the JSON of {@code POST /api/dataValueSets}) from the report projections:
 * one data value per mapping entry, every value an integer as a string, zeros included (DHIS2 overwrites what it
 * had). The figures are parsed once, when Carelog starts.
 */
@Component
class Dhis2DataValueSets {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

    /** One data value, with the Carelog figure it counts. */
    record DataValue(
            String figure, String dataElement, String categoryOptionCombo, String attributeOptionCombo, String value) {}

    /**
     * A month's data value set. {@code complete} is false for a month that is not over (a preview: its figures
     * will still change); {@code json} is the text DHIS2 receives.
     */
    record DataValueSet(
            String month,
            String period,
            String orgUnit,
            String dataSet,
            LocalDate completeDate,
            boolean complete,
            List<DataValue> dataValues,
            String json) {}

    private record Entry(Dhis2Figure figure, Dhis2Properties.Mapping mapping) {}

    private final Dhis2Properties properties;
    private final List<Entry> entries;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final TransactionTemplate snapshot;

    Dhis2DataValueSets(
            Dhis2Properties properties,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            ObjectMapper json) {
        this.properties = properties;
        this.entries = properties.mapping().stream()
                .map(m -> new Entry(Dhis2Figure.parse(m.figure()), m))
                .toList();
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        // Every figure of a set from one snapshot of the report tables.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    Dhis2Properties properties() {
        return properties;
    }

    /** The month as the client wrote it ({@code 2026-11}); VALIDATION on {@code month} otherwise. */
    YearMonth month(String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw CarelogException.validation("month", "is a month written as 2026-11");
        }
        if (parsed.isAfter(YearMonth.now(clock))) {
            throw CarelogException.validation("month", "has not begun");
        }
        return parsed;
    }

    /** Whether every local day of the month is past. */
    boolean over(YearMonth month) {
        return month.isBefore(YearMonth.now(clock));
    }

    /** VALIDATION when no DHIS2 reporting is configured. */
    void requireConfigured() {
        if (!properties.configured()) {
            throw CarelogException.validation(
                    "carelog.reporting.dhis2",
                    "DHIS2 reporting is not configured: an administrator sets carelog.reporting.dhis2.org-unit and"
                            + " its mapping (docs/configuration.md)");
        }
    }

    /**
     * Every entry's count, in mapping order: one query per report table, each figure a filtered aggregate, so a
     * table's rows of the month are read once however many figures it has.
     */
    private List<Long> counts(YearMonth month) {
        Long[] counts = new Long[entries.size()];
        Map<String, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byTable.computeIfAbsent(entries.get(i).figure().table(), t -> new ArrayList<>())
                    .add(i);
        }
        byTable.forEach((table, indexes) -> {
            StringBuilder sql = new StringBuilder("select ");
            List<Object> args = new ArrayList<>();
            for (int k = 0; k < indexes.size(); k++) {
                Dhis2Figure.Count aggregate =
                        entries.get(indexes.get(k)).figure().aggregate();
                sql.append(k == 0 ? "" : ", ").append(aggregate.sql());
                args.addAll(aggregate.args());
            }
            sql.append(" from ").append(table).append(" r where r.day between ? and ?");
            args.add(month.atDay(1));
            args.add(month.atEndOfMonth());
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        for (int k = 0; k < indexes.size(); k++) {
                            counts[indexes.get(k)] = rs.getLong(k + 1);
                        }
                    },
                    args.toArray());
        });
        return Arrays.asList(counts);
    }

    DataValueSet build(String month) {
        requireConfigured();
        return build(month(month));
    }

    DataValueSet build(YearMonth month) {
        requireConfigured();
        String period = month.format(PERIOD);
        boolean complete = over(month);
        LocalDate completeDate = complete && properties.dataSet() != null ? LocalDate.now(clock) : null;
        List<DataValue> values = new ArrayList<>();
        ObjectNode set = json.createObjectNode();
        if (properties.dataSet() != null) {
            set.put("dataSet", properties.dataSet());
        }
        if (completeDate != null) {
            set.put("completeDate", completeDate.toString());
        }
        set.put("period", period);
        set.put("orgUnit", properties.orgUnit());
        ArrayNode dataValues = set.putArray("dataValues");
        List<Long> counts = snapshot.execute(status -> counts(month));
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String text = String.valueOf(counts.get(i) == null ? 0 : counts.get(i));
            Dhis2Properties.Mapping mapping = entry.mapping();
            values.add(new DataValue(
                    entry.figure().name(),
                    mapping.dataElement(),
                    mapping.categoryOptionCombo(),
                    mapping.attributeOptionCombo(),
                    text));
            ObjectNode value = dataValues.addObject();
            value.put("dataElement", mapping.dataElement());
            value.put("period", period);
            value.put("orgUnit", properties.orgUnit());
            if (mapping.categoryOptionCombo() != null) {
                value.put("categoryOptionCombo", mapping.categoryOptionCombo());
            }
            if (mapping.attributeOptionCombo() != null) {
                value.put("attributeOptionCombo", mapping.attributeOptionCombo());
            }
            value.put("value", text);
        }
        String text;
        try {
            text = json.writeValueAsString(set);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return new DataValueSet(
                month.toString(),
                period,
                properties.orgUnit(),
                properties.dataSet(),
                completeDate,
                complete,
                List.copyOf(values),
                text);
    }
}
