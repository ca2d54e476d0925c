package org.carelog.infra.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carelog.api.reference.Catalogue;
import org.carelog.api.reference.CatalogueEntry;
import org.carelog.api.reference.ClassificationCode;
import org.carelog.api.reference.CodeSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads reference data into PostgreSQL at start-up, once per release: ICD-11 MMS 2024-01 as shipped (WHO's
 * code, title and URI kept together and unaltered, as its licence requires), ICD-10 from a facility's own
 * licensed file when one is configured, LOINC Top 2000+ lab tests (SI edition; code kept with its names),
 * DrugBank's open vocabulary of generic medicine names and BD Core's dose forms. A release already loaded from
 * the same bytes is left alone, so a normal start costs a few queries; two processes starting together load
 * once.
 */
@Component
class ReferenceData implements SmartInitializingSingleton {

    static final String ICD11_RESOURCE = "/reference/icd11/icd11_mms_2024-01_stem_codes.csv.gz";
    static final String ICD11_RELEASE = "2024-01";
    static final String ICD11_ATTRIBUTION = "International Classification of Diseases, Eleventh Revision (ICD-11),"
            + " World Health Organization (WHO) 2019 https://icd.who.int/browse11. Licensed under the Creative"
            + " Commons Attribution-NoDerivatives 3.0 IGO licence (CC BY-ND 3.0 IGO). MMS release 2024-01.";
    static final String LOINC_RESOURCE = "/reference/loinc/LOINC_1.6_Top2000CommonLabResultsSI.csv";
    static final String LOINC_RELEASE = "Top 2000+ v1.6 (SI)";
    static final String DRUGBANK_RESOURCE = "/reference/medicines/drugbank_vocabulary.csv.gz";
    static final String DRUGBANK_RELEASE = "DrugBank open vocabulary (CC0)";
    static final String DOSE_FORM_RESOURCE = "/reference/medicines/bd_core_dose_forms.csv";
    static final String DOSE_FORM_RELEASE = "BD Core bd-dose-form";
    static final String ICD10_ATTRIBUTION =
            "ICD-10, World Health Organization, imported by this facility under its own licence.";

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);
    private static final long LOAD_LOCK = 0x6361726c6f670010L;
    private static final Pattern ICD10_CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReferenceProperties properties;
    private final Clock clock;

    ReferenceData(JdbcTemplate jdbc, TransactionTemplate transactions, ReferenceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load(
                CodeSystem.ICD11_MMS.name(),
                ICD11_RELEASE,
                () -> new GZIPInputStream(resource(ICD11_RESOURCE)),
                ReferenceData::icd11,
                this::writeCodes);
        if (properties.icd10File() != null) {
            load(
                    CodeSystem.ICD10.name(),
                    properties.icd10Release(),
                    () -> Files.newInputStream(properties.icd10File()),
                    ReferenceData::icd10,
                    this::writeCodes);
        }
        load(
                Catalogue.LOINC.name(),
                LOINC_RELEASE,
                () -> resource(LOINC_RESOURCE),
                ReferenceData::loinc,
                this::writeEntries);
        load(
                Catalogue.MEDICINE.name(),
                DRUGBANK_RELEASE,
                () -> new GZIPInputStream(resource(DRUGBANK_RESOURCE)),
                ReferenceData::medicine,
                this::writeEntries);
        load(
                Catalogue.DOSE_FORM.name(),
                DOSE_FORM_RELEASE,
                () -> resource(DOSE_FORM_RESOURCE),
                ReferenceData::doseForm,
                this::writeEntries);
    }

    static final String LOINC_ATTRIBUTION = "This material contains content from LOINC (http://loinc.org). LOINC is"
            + " copyright \u00a9 Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes"
            + " (LOINC) Committee and is available at no cost under the license at http://loinc.org/license. LOINC\u00ae"
            + " is a registered United States trademark of Regenstrief Institute, Inc. Top 2000+ list: LOINC Mapper's"
            + " Guide to Top 2000++ US Lab Tests v1.6, U.S. National Library of Medicine.";
    static final String DRUGBANK_ATTRIBUTION = "DrugBank Vocabulary, DrugBank Online (go.drugbank.com), CC0 1.0.";
    static final String DOSE_FORM_ATTRIBUTION = "Bangladesh Core FHIR Implementation Guide, DGHS (CC0).";

    /** The notice to show with a reference list's entries. */
    static String attribution(String name) {
        return switch (name) {
            case "ICD11_MMS" -> ICD11_ATTRIBUTION;
            case "ICD10" -> ICD10_ATTRIBUTION;
            case "LOINC" -> LOINC_ATTRIBUTION;
            case "MEDICINE" -> DRUGBANK_ATTRIBUTION;
            default -> DOSE_FORM_ATTRIBUTION;
        };
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ReferenceData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the application");
        }
        return in;
    }

    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Hashes the file, then (under a lock, in one transaction) parses it and replaces what is stored for {@code
     * system} only when those bytes were not loaded before.
     */
    private <T> void load(String system, String release, Source source, Function<CSVRecord, T> row, Writer<T> writer) {
        byte[] content;
        try (InputStream in = source.open()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + system + " list", e);
        }
        String sha256 = sha256(content);
        transactions.executeWithoutResult(tx -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOAD_LOCK);
            List<String> loaded = jdbc.queryForList(
                    "select source_sha256 from classification_release where system = ?", String.class, system);
            if (loaded.contains(sha256)) {
                return; // the usual start: only the file was read and hashed, nothing parsed
            }
            List<T> rows = parse(content, row);
            writer.replace(system, rows);
            jdbc.update(
                    "insert into classification_release (system, release, codes, source_sha256, loaded_at)"
                            + " values (?, ?, ?, ?, ?) on conflict (system) do update set release = excluded.release,"
                            + " codes = excluded.codes, source_sha256 = excluded.source_sha256,"
                            + " loaded_at = excluded.loaded_at",
                    system,
                    release,
                    rows.size(),
                    sha256,
                    Timestamp.from(clock.instant()));
            log.info("Loaded {} {} entries (release {})", rows.size(), system, release);
        });
    }

    /** Every row; a code seen before in the file is dropped (the first wins). */
    private static <T> List<T> parse(byte[] content, Function<CSVRecord, T> row) {
        Map<String, T> rows = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                rows.putIfAbsent(record.get(0).strip().toUpperCase(Locale.ROOT), row.apply(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows.values());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Writer<T> {
        void replace(String system, List<T> rows);
    }

    private void writeCodes(String system, List<ClassificationCode> codes) {
        jdbc.update("delete from classification_code where system = ?", system);
        jdbc.batchUpdate(
                "insert into classification_code (system, code, title, uri, chapter, parent_code, leaf, residual)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                codes,
                1000,
                (ps, c) -> {
                    ps.setString(1, system);
                    ps.setString(2, c.code());
                    ps.setString(3, c.title());
                    ps.setString(4, c.uri());
                    ps.setString(5, c.chapter());
                    ps.setString(6, c.parentCode());
                    ps.setBoolean(7, c.leaf());
                    ps.setBoolean(8, c.residual());
                });
        // A code with more specific codes under it is not a leaf (ICD-10 files do not say).
        jdbc.update(
                "update classification_code c set leaf = not exists (select 1 from classification_code k"
                        + " where k.system = c.system and k.parent_code = c.code) where c.system = ?",
                system);
    }

    private void writeEntries(String catalogue, List<CatalogueEntry> entries) {
        jdbc.update("delete from catalogue_entry where catalogue = ?", catalogue);
        jdbc.batchUpdate(
                "insert into catalogue_entry (catalogue, code, name, detail, category, synonyms, rank)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                entries,
                1000,
                (ps, e) -> {
                    ps.setString(1, catalogue);
                    ps.setString(2, e.code());
                    ps.setString(3, e.name());
                    ps.setString(4, e.detail());
                    ps.setString(5, e.category());
                    ps.setString(6, String.join(" | ", e.synonyms()));
                    ps.setObject(7, e.rank(), Types.INTEGER);
                });
    }

    private static CatalogueEntry loinc(CSVRecord r) {
        return new CatalogueEntry(
                Catalogue.LOINC,
                r.get("LOINC #"),
                r.get("Long Common Name"),
                r.get("Short Name"),
                r.get("CLASS"),
                List.of(),
                Integer.valueOf(r.get("Rank")));
    }

    /** DrugBank's own name first; its synonyms (other spellings and INN/BAN names) searchable with it. */
    private static CatalogueEntry medicine(CSVRecord r) {
        String name = r.get("Common name").strip();
        List<String> synonyms = Arrays.stream(r.get("Synonyms").split("\\|"))
                .map(String::strip)
                .filter(x -> !x.isEmpty() && !x.equalsIgnoreCase(name))
                .toList();
        return new CatalogueEntry(Catalogue.MEDICINE, r.get("DrugBank ID"), name, null, null, synonyms, null);
    }

    private static CatalogueEntry doseForm(CSVRecord r) {
        return new CatalogueEntry(
                Catalogue.DOSE_FORM, r.get("code"), r.get("display"), r.get("definition"), null, List.of(), null);
    }

    private static ClassificationCode icd11(CSVRecord r) {
        return new ClassificationCode(
                CodeSystem.ICD11_MMS,
                ICD11_RELEASE,
                r.get("code"),
                r.get("title"),
                r.get("linearization_uri"),
                r.get("chapter_no"),
                blankToNull(r.get("x_parent_code")),
                Boolean.parseBoolean(r.get("is_leaf")),
                Boolean.parseBoolean(r.get("is_residual")));
    }

    /** A licensed ICD-10 list: {@code code,title}; codes such as A00 or A00.1; the chapter is not needed. */
    private static ClassificationCode icd10(CSVRecord r) {
        String code = r.get("code").strip().toUpperCase(Locale.ROOT);
        String title = r.get("title").strip();
        if (!ICD10_CODE.matcher(code).matches() || title.isEmpty()) {
            throw new IllegalArgumentException("ICD-10 file line " + r.getRecordNumber()
                    + ": expected a code such as A00 or A00.1 and a title, got '" + code + "'");
        }
        String parent = code.contains(".") ? code.substring(0, code.indexOf('.')) : null;
        return new ClassificationCode(CodeSystem.ICD10, null, code, title, null, null, parent, true, false);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
