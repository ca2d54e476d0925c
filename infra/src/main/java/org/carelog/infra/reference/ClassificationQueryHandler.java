package org.carelog.infra.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.reference.ClassificationCode;
import org.carelog.api.reference.ClassificationRelease;
import org.carelog.api.reference.CodeSystem;
import org.carelog.api.reference.FindClassificationCode;
import org.carelog.api.reference.ListClassificationReleases;
import org.carelog.api.reference.SearchClassification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers code searches from the classification tables. Ranking: the exact code, then codes starting with
 * what was typed, then titles by word relevance (English stemming) and by trigram similarity (for
 * misspellings such as "diabetis"), leaf codes before their parents, then by code.
 */
@Component
class ClassificationQueryHandler {

    static final int MAX_RESULTS = 50;
    static final int MAX_TEXT = 200;
    private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Za-z]{1,2}[0-9A-Za-z.&/]*");

    private static final String COLUMNS =
            "c.system, r.release, c.code, c.title, c.uri, c.chapter, c.parent_code," + " c.leaf, c.residual";

    private final JdbcTemplate jdbc;

    ClassificationQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<ClassificationCode> search(SearchClassification query) {
        String text = Text.clean(query.text());
        if (text == null || text.length() < 2) {
            throw CarelogException.validation("text", "type at least 2 characters of a code or a title");
        }
        if (text.length() > MAX_TEXT) {
            throw CarelogException.validation("text", "is longer than " + MAX_TEXT + " characters");
        }
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
                ClassificationQueryHandler::code,
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
                        ClassificationQueryHandler::code,
                        system(query.system()).name(),
                        query.code().strip().toUpperCase(Locale.ROOT))
                .stream()
                .findFirst()
                .orElse(null);
    }

    @QueryHandler
    List<ClassificationRelease> releases(ListClassificationReleases query) {
        return jdbc.query(
                "select system, release, codes, source_sha256, loaded_at from classification_release"
                        + " where cast(? as varchar) is null or system = ? order by system",
                (rs, n) -> {
                    CodeSystem system = CodeSystem.valueOf(rs.getString(1));
                    return new ClassificationRelease(
                            system,
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            Classifications.attribution(system));
                },
                query.system() == null ? null : query.system().name(),
                query.system() == null ? null : query.system().name());
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
