package org.carelog.infra.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.reference.Catalogue;
import org.carelog.api.reference.CatalogueEntry;
import org.carelog.api.reference.ClassificationCode;
import org.carelog.api.reference.CodeSystem;
import org.carelog.api.reference.FindCatalogueEntry;
import org.carelog.api.reference.FindClassificationCode;
import org.carelog.api.reference.ListCatalogue;
import org.carelog.api.reference.ListReferenceReleases;
import org.carelog.api.reference.ReferenceRelease;
import org.carelog.api.reference.SearchCatalogue;
import org.carelog.api.reference.SearchClassification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers reference searches: diagnosis codes, lab tests, medicines and dose forms. Diagnosis codes rank the
 * exact code first, then codes starting with what was typed, then titles by word relevance (English stemming)
 * and trigram similarity (misspellings such as "cholra"), leaf codes before their parents. Catalogue entries
 * rank the exact code or name first, then code prefixes, then entries having every word (lab tests among them by
 * how commonly they are ordered), word relevance, spelling similarity of names and synonyms.
 */
@Component
class ReferenceQueryHandler {

    static final int MAX_RESULTS = 50;
    static final int MAX_TEXT = 200;
    static final int MAX_LISTED = 200;
    private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Za-z]{1,2}[0-9A-Za-z.&/]*");

    private static final String COLUMNS =
            "c.system, r.release, c.code, c.title, c.uri, c.chapter, c.parent_code," + " c.leaf, c.residual";

    private static final String ENTRY_COLUMNS = "e.catalogue, e.code, e.name, e.detail, e.category, e.synonyms, e.rank";

    private final JdbcTemplate jdbc;

    ReferenceQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<ClassificationCode> search(SearchClassification query) {
        String text = searchText(query.text());
        int limit = Math.max(1, Math.min(query.limit(), MAX_RESULTS));
        // Text that cannot be a code matches no code prefix ('#' appears in no code).
        String code = CODE_LIKE.matcher(text).matches() ? text.toUpperCase(Locale.ROOT) : "#";
        return jdbc.query(
                "with q as (select websearch_to_tsquery('english', ?) as words, ? as text, ? as code)"
                        + " select " + COLUMNS + ","
                        + " case when c.code = q.code then 2 when c.code like q.code || '%' then 1 else 0 end"
                        + " as by_code,"
                        + " ts_rank(c.words, q.words) as by_words, similarity(c.title, q.text) as by_spelling"
                        + " from classification_code c join classification_release r using (system), q"
                        + " where c.system = ? and (c.code like q.code || '%' or c.words @@ q.words"
                        + " or c.title % q.text)"
                        + " order by by_code desc, by_words desc, by_spelling desc, c.leaf desc, c.code"
                        + " limit ?",
                ReferenceQueryHandler::code,
                text,
                text,
                code,
                system(query.system()).name(),
                limit);
    }

    @QueryHandler
    ClassificationCode find(FindClassificationCode query) {
        if (query.code() == null) {
            return null;
        }
        return jdbc
                .query(
                        "select " + COLUMNS + " from classification_code c join classification_release r"
                                + " using (system) where c.system = ? and c.code = ?",
                        ReferenceQueryHandler::code,
                        system(query.system()).name(),
                        query.code().strip().toUpperCase(Locale.ROOT))
                .stream()
                .findFirst()
                .orElse(null);
    }

    @QueryHandler
    List<ReferenceRelease> releases(ListReferenceReleases query) {
        return jdbc.query(
                "select system, release, codes, source_sha256, loaded_at from classification_release"
                        + " where cast(? as varchar) is null or system = ? order by system",
                (rs, n) -> new ReferenceRelease(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        ReferenceData.attribution(rs.getString(1))),
                query.name(),
                query.name());
    }

    @QueryHandler
    List<CatalogueEntry> search(SearchCatalogue query) {
        String text = searchText(query.text());
        int limit = Math.max(1, Math.min(query.limit(), MAX_RESULTS));
        return jdbc.query(
                "with q as (select plainto_tsquery('simple', ?) as words, ? as text, upper(?) as code)"
                        + " select " + ENTRY_COLUMNS + ","
                        + " case when e.code = q.code then 3 when lower(e.name) = lower(q.text) then 2"
                        + " when e.code like q.code || '%' then 1 else 0 end as exact,"
                        + " e.words @@ q.words as all_words, ts_rank(e.words, q.words) as by_words,"
                        + " greatest(similarity(e.name, q.text), word_similarity(q.text, e.synonyms)) as by_spelling"
                        + " from catalogue_entry e, q"
                        + " where e.catalogue = ? and (e.code like q.code || '%' or e.words @@ q.words"
                        + " or e.name % q.text or q.text <% e.synonyms)"
                        // Among entries having every word, the commonly ordered lab test first.
                        + " order by exact desc, all_words desc, e.rank nulls last, by_words desc, by_spelling desc,"
                        + " e.name"
                        + " limit ?",
                ReferenceQueryHandler::entry,
                text,
                text,
                likePrefix(text),
                query.catalogue().name(),
                limit);
    }

    @QueryHandler
    List<CatalogueEntry> list(ListCatalogue query) {
        return jdbc.query(
                "select " + ENTRY_COLUMNS + " from catalogue_entry e where e.catalogue = ? order by e.name limit ?",
                ReferenceQueryHandler::entry,
                query.catalogue().name(),
                MAX_LISTED);
    }

    @QueryHandler
    CatalogueEntry find(FindCatalogueEntry query) {
        if (query.code() == null) {
            return null;
        }
        return jdbc
                .query(
                        "select " + ENTRY_COLUMNS + " from catalogue_entry e where e.catalogue = ? and e.code = ?",
                        ReferenceQueryHandler::entry,
                        query.catalogue().name(),
                        query.code().strip().toUpperCase(Locale.ROOT))
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Typed text as a LIKE prefix: its own % and _ match only themselves. */
    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String searchText(String raw) {
        String text = Text.clean(raw);
        if (text == null || text.length() < 2) {
            throw CarelogException.validation("text", "type at least 2 characters of a code or a name");
        }
        if (text.length() > MAX_TEXT) {
            throw CarelogException.validation("text", "is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static CatalogueEntry entry(ResultSet rs, int n) throws SQLException {
        String synonyms = rs.getString(6);
        return new CatalogueEntry(
                Catalogue.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                synonyms == null || synonyms.isEmpty() ? List.of() : List.of(synonyms.split(" \\| ")),
                (Integer) rs.getObject(7));
    }

    private static CodeSystem system(CodeSystem given) {
        return given == null ? CodeSystem.ICD11_MMS : given;
    }

    private static ClassificationCode code(ResultSet rs, int n) throws SQLException {
        return new ClassificationCode(
                CodeSystem.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getBoolean(9));
    }
}
