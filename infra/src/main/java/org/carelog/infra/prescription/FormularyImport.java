package org.carelog.infra.prescription;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.FieldViolation;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the facility's formulary from CSV ({@code brand,generic,strength,form,manufacturer,unit_price}). Every
 * row is checked first: the generic must be a DrugBank name or synonym (a combination joins them with {@code +}),
 * the form a BD dose form (code or name), the price taka; a product (brand, strength, form) appears once. If any
 * row is wrong nothing is imported and the error names each wrong row's line. Otherwise, in one transaction, new
 * products are added and known ones updated.
 */
@Component
class FormularyImport {

    static final List<String> HEADER = List.of("brand", "generic", "strength", "form", "manufacturer", "unit_price");
    static final int MAX_ROWS = 20_000;
    static final int MAX_ERRORS = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FormularyImport(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Result(int added, int updated) {}

    private record Row(
            String brand,
            String generic,
            String medicineCode,
            String strength,
            String formCode,
            String formName,
            String manufacturer,
            BigDecimal price) {}

    @Transactional
    Result importCsv(String csv, String username) {
        List<FieldViolation> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .build()
                .parse(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.equals(HEADER)) {
                throw CarelogException.validation("csv", "line 1: the header must be " + String.join(",", HEADER));
            }
            Set<String> products = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw CarelogException.validation("csv", "more than " + MAX_ROWS + " rows");
                }
                List<String> problems = new ArrayList<>();
                Row row = row(record, problems);
                if (row != null
                        && !products.add(row.brand().toLowerCase(Locale.ROOT) + "|"
                                + row.strength().toLowerCase(Locale.ROOT) + "|" + row.formCode())) {
                    problems.add("the same brand, strength and form is on an earlier line");
                }
                if (problems.isEmpty()) {
                    rows.add(row);
                } else if (errors.size() < MAX_ERRORS) {
                    errors.add(new FieldViolation("line " + line, String.join("; ", problems)));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw CarelogException.validation("csv", "is not readable CSV: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new CarelogException(new CarelogError(
                    ErrorCode.VALIDATION,
                    errors.size() + " rows are wrong; nothing was imported: "
                            + String.join(
                                    ", ",
                                    errors.stream().map(FieldViolation::field).toList()),
                    errors,
                    null));
        }
        if (rows.isEmpty()) {
            throw CarelogException.validation("csv", "has no rows");
        }
        int added = 0;
        int updated = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Row r : rows) {
            Boolean inserted = jdbc.queryForObject(
                    "insert into formulary_item (item_id, brand, generic_name, medicine_code, strength, form_code,"
                            + " form_name, manufacturer, unit_price, imported_by, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " on conflict (lower(brand), lower(strength), form_code) do update set"
                            + " brand = excluded.brand, generic_name = excluded.generic_name,"
                            + " medicine_code = excluded.medicine_code, strength = excluded.strength,"
                            + " form_name = excluded.form_name, manufacturer = excluded.manufacturer,"
                            + " unit_price = excluded.unit_price, imported_by = excluded.imported_by,"
                            + " updated_at = excluded.updated_at"
                            + " returning (xmax = 0)",
                    Boolean.class,
                    UUID.randomUUID(),
                    r.brand(),
                    r.generic(),
                    r.medicineCode(),
                    r.strength(),
                    r.formCode(),
                    r.formName(),
                    r.manufacturer(),
                    r.price(),
                    username,
                    now);
            if (Boolean.TRUE.equals(inserted)) {
                added++;
            } else {
                updated++;
            }
        }
        return new Result(added, updated);
    }

    private Row row(CSVRecord record, List<String> problems) {
        if (record.size() != HEADER.size()) {
            problems.add("has " + record.size() + " columns, not " + HEADER.size());
            return null;
        }
        String brand = text(record.get("brand"), "brand", 100, problems);
        String generic = text(record.get("generic"), "generic", 200, problems);
        String strength = text(record.get("strength"), "strength", 60, problems);
        String form = text(record.get("form"), "form", 100, problems);
        String manufacturer = text(record.get("manufacturer"), "manufacturer", 150, problems);
        String medicineCode = null;
        String genericName = generic;
        if (generic != null) {
            List<String> codes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String part : generic.split("\\s*\\+\\s*")) {
                Optional<Map<String, Object>> known = jdbc
                        .queryForList(
                                "select code, name from catalogue_entry where catalogue = 'MEDICINE' and ("
                                        + " lower(name) = lower(?) or lower(?) = any(string_to_array(lower(synonyms),"
                                        + " ' | '))) order by (lower(name) = lower(?)) desc, code limit 1",
                                part,
                                part,
                                part)
                        .stream()
                        .findFirst();
                if (known.isEmpty()) {
                    problems.add("generic '" + part + "' is not in the DrugBank vocabulary (see the medicines query)");
                } else {
                    codes.add((String) known.get().get("code"));
                    names.add((String) known.get().get("name"));
                }
            }
            if (codes.size() == 1) {
                medicineCode = codes.get(0);
            }
            if (!names.isEmpty()) {
                genericName = String.join(" + ", names);
            }
        }
        String formCode = null;
        String formName = null;
        if (form != null) {
            var found = jdbc.queryForList(
                    "select code, name from catalogue_entry where catalogue = 'DOSE_FORM' and"
                            + " (upper(code) = upper(?) or lower(name) = lower(?))",
                    form,
                    form);
            if (found.isEmpty()) {
                problems.add("form '" + form + "' is not a BD dose form (code such as TAB or name such as Tablet)");
            } else {
                formCode = (String) found.get(0).get("code");
                formName = (String) found.get(0).get("name");
            }
        }
        BigDecimal price = null;
        try {
            Money money = Money.parse(record.get("unit_price"));
            if (money.negative()) {
                problems.add("unit_price is negative");
            }
            price = money.amount();
        } catch (CarelogException e) {
            problems.add("unit_price " + e.getMessage().replaceFirst("^amount: ", ""));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Row(brand, genericName, medicineCode, strength, formCode, formName, manufacturer, price);
    }

    private static String text(String raw, String column, int max, List<String> problems) {
        String clean = Text.clean(raw);
        if (clean == null) {
            problems.add(column + " is required");
        } else if (clean.length() > max) {
            problems.add(column + " is longer than " + max + " characters");
            return null;
        }
        return clean;
    }
}
