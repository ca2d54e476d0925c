package org.carelog.infra.compliance;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.carelog.infra.compliance.ComplianceReport.Filter;
import org.carelog.infra.compliance.ComplianceRows.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the compliance reports: a page at a time for GraphQL, every row through a cursor for the CSV export. */
@Component
class ComplianceReports {

    static final int MAX_PAGE = 200;
    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ComplianceReports(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One page, newest first for logs; {@code after} is a cursor from the previous page. */
    <R extends Record> Page<R> page(ComplianceReport report, Filter filter, Integer first, String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        Query query = query(report, filter);
        ComplianceReport.Order order = report.order();
        if (after != null) {
            query.sql.append(" and ").append(order.key()).append(order.descending() ? " < ?" : " > ?");
            query.args.add(decodeCursor(after, order.numeric()));
        }
        query.sql.append(" order by ").append(order.key()).append(order.descending() ? " desc" : "");
        query.sql.append(" limit ?");
        query.args.add(size + 1);
        @SuppressWarnings("unchecked")
        RowMapper<R> mapper = (RowMapper<R>) rowMapper(report.rowType());
        List<R> rows = jdbc.query(query.sql.toString(), mapper, query.args.toArray());
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<R> items = rows.subList(0, size);
        return new Page<>(List.copyOf(items), encodeCursor(cursorValue(items.get(size - 1))));
    }

    /**
     * Hands every row of the report, in the report's order, to {@code sink} while reading them through a
     * database cursor: memory stays flat however long the period.
     */
    void stream(ComplianceReport report, Filter filter, Consumer<Record> sink) {
        Query query = query(report, filter);
        ComplianceReport.Order order = report.order();
        query.sql.append(" order by ").append(order.key()).append(order.descending() ? " desc" : "");
        RowMapper<? extends Record> mapper = rowMapper(report.rowType());
        readOnly.executeWithoutResult(status -> jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(query.sql.toString());
                    statement.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < query.args.size(); i++) {
                        statement.setObject(i + 1, query.args.get(i));
                    }
                    return statement;
                },
                (ResultSet rs) -> sink.accept(mapper.mapRow(rs, rs.getRow()))));
    }

    private record Query(StringBuilder sql, List<Object> args) {}

    private static Query query(ComplianceReport report, Filter filter) {
        Query query = new Query(new StringBuilder(report.select()), new ArrayList<>());
        if (filter.username() != null) {
            if (report.usernamePredicate() == null) {
                throw CarelogException.validation("username", "does not apply to this report");
            }
            query.sql.append(" and ").append(report.usernamePredicate());
            query.args.add(filter.username().strip());
        }
        if (filter.patientId() != null) {
            if (report.patientColumn() == null) {
                throw CarelogException.validation("patientId", "does not apply to this report");
            }
            query.sql.append(" and ").append(report.patientColumn()).append(" = ?");
            query.args.add(PatientId.parse("patientId", filter.patientId()).value());
        }
        if (filter.from() != null || filter.to() != null) {
            if (report.timeColumn() == null) {
                throw CarelogException.validation(
                        filter.from() != null ? "from" : "to", "does not apply to this report");
            }
            if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
                throw CarelogException.validation("to", "must be after from");
            }
        }
        if (filter.from() != null) {
            query.sql.append(" and ").append(report.timeColumn()).append(" >= ?");
            query.args.add(Timestamp.from(filter.from().toInstant()));
        }
        if (filter.to() != null) {
            query.sql.append(" and ").append(report.timeColumn()).append(" < ?");
            query.args.add(Timestamp.from(filter.to().toInstant()));
        }
        return query;
    }

    /** Maps a row's columns, in order, onto the record's components, in order. */
    static <R extends Record> RowMapper<R> rowMapper(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
        return (rs, n) -> {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = column(rs, i + 1, types[i]);
            }
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
        };
    }

    private static Object column(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == long.class) {
            return rs.getLong(index);
        }
        if (type == boolean.class) {
            return rs.getBoolean(index);
        }
        return rs.getObject(index, type);
    }

    /** The value of a row's ordering key: its first component (an id, or the username). */
    private static Object cursorValue(Record row) {
        try {
            return row.getClass().getRecordComponents()[0].getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encodeCursor(Object key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
    }

    private static Object decodeCursor(String cursor, boolean numeric) {
        try {
            String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return numeric ? (Object) Long.parseLong(value) : value.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation("after", "is not a cursor from this report");
        }
    }
}
