package org.carelog.infra.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carelog.api.reference.ClassificationCode;
import org.carelog.api.reference.CodeSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the diagnosis classifications into PostgreSQL at start-up, once per release: ICD-11 MMS 2024-01
 * as shipped (WHO's code, title and URI kept together and unaltered, as its licence requires), and ICD-10
 * from a facility's own licensed file when one is configured. A release already loaded from the same
 * bytes is left alone, so a normal start costs one query; two processes starting together load once.
 */
@Component
class Classifications implements SmartInitializingSingleton {

    static final String ICD11_RESOURCE = "/reference/icd11/icd11_mms_2024-01_stem_codes.csv.gz";
    static final String ICD11_RELEASE = "2024-01";
    static final String ICD11_ATTRIBUTION = "International Classification of Diseases, Eleventh Revision (ICD-11),"
            + " World Health Organization (WHO) 2019 https://icd.who.int/browse11. Licensed under the Creative"
            + " Commons Attribution-NoDerivatives 3.0 IGO licence (CC BY-ND 3.0 IGO). MMS release 2024-01.";
    static final String ICD10_ATTRIBUTION =
            "ICD-10, World Health Organization, imported by this facility under its own licence.";

    private static final Logger log = LoggerFactory.getLogger(Classifications.class);
    private static final long LOAD_LOCK = 0x6361726c6f670010L;
    private static final Pattern ICD10_CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReferenceProperties properties;
    private final Clock clock;

    Classifications(JdbcTemplate jdbc, TransactionTemplate transactions, ReferenceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load(CodeSystem.ICD11_MMS, ICD11_RELEASE, () -> new GZIPInputStream(resource()), Classifications::icd11);
        if (properties.icd10File() != null) {
            load(
                    CodeSystem.ICD10,
                    properties.icd10Release(),
                    () -> Files.newInputStream(properties.icd10File()),
                    Classifications::icd10);
        }
    }

    static String attribution(CodeSystem system) {
        return system == CodeSystem.ICD11_MMS ? ICD11_ATTRIBUTION : ICD10_ATTRIBUTION;
    }

    private static InputStream resource() throws IOException {
        InputStream in = Classifications.class.getResourceAsStream(ICD11_RESOURCE);
        if (in == null) {
            throw new IOException(ICD11_RESOURCE + " is missing from the application");
        }
        return in;
    }

    interface Source {
        InputStream open() throws IOException;
    }

    private void load(CodeSystem system, String release, Source source, Function<CSVRecord, ClassificationCode> row) {
        byte[] digest;
        List<ClassificationCode> codes = new ArrayList<>();
        try (DigestInputStream in = new DigestInputStream(source.open(), MessageDigest.getInstance("SHA-256"));
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                codes.add(row.apply(record));
            }
            digest = in.getMessageDigest().digest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + system + " code list", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String sha256 = HexFormat.of().formatHex(digest);
        transactions.executeWithoutResult(tx -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOAD_LOCK);
            List<String> loaded = jdbc.queryForList(
                    "select source_sha256 from classification_release where system = ?", String.class, system.name());
            if (loaded.contains(sha256)) {
                return;
            }
            jdbc.update("delete from classification_code where system = ?", system.name());
            jdbc.batchUpdate(
                    "insert into classification_code (system, code, title, uri, chapter, parent_code, leaf, residual)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                    codes,
                    1000,
                    (ps, c) -> {
                        ps.setString(1, system.name());
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
                    system.name());
            jdbc.update(
                    "insert into classification_release (system, release, codes, source_sha256, loaded_at)"
                            + " values (?, ?, ?, ?, ?) on conflict (system) do update set release = excluded.release,"
                            + " codes = excluded.codes, source_sha256 = excluded.source_sha256,"
                            + " loaded_at = excluded.loaded_at",
                    system.name(),
                    release,
                    codes.size(),
                    sha256,
                    Timestamp.from(clock.instant()));
            log.info("Loaded {} {} codes (release {})", codes.size(), system, release);
        });
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
