package org.carelog.infra.prescription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.common.Money;
import org.carelog.api.prescription.FormularyItem;
import org.carelog.api.prescription.SearchFormulary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Searches the formulary: brand or generic starting with the text first, then products having every word. */
@Component
class FormularyQueryHandler {

    static final int MAX_RESULTS = 50;

    private final JdbcTemplate jdbc;

    FormularyQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<FormularyItem> search(SearchFormulary query) {
        String text = query.text() == null ? "" : query.text().strip().toLowerCase(Locale.ROOT);
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        String prefix = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query(
                "select item_id, brand, generic_name, medicine_code, strength, form_code, form_name, manufacturer,"
                        + " unit_price from formulary_item"
                        + " where lower(brand) like ? or lower(generic_name) like ?"
                        + " or words @@ plainto_tsquery('simple', ?)"
                        + " order by (lower(brand) like ?) desc, (lower(generic_name) like ?) desc,"
                        + " lower(brand), strength, form_code limit ?",
                FormularyQueryHandler::item,
                prefix,
                prefix,
                text,
                prefix,
                prefix,
                Math.max(1, Math.min(query.limit(), MAX_RESULTS)));
    }

    private static FormularyItem item(ResultSet rs, int n) throws SQLException {
        return new FormularyItem(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                new Money(rs.getBigDecimal(9)));
    }
}
