package org.carelog.infra.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/** What the backup tool reads from PostgreSQL's catalog: Carelog's tables, sequences and schema version. */
final class Catalog {

    static final String SCHEMA = "public";
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Catalog() {}

    /**
     * Which tables a backup holds. Patients' keys are kept apart from the data they encrypt: a data
     * backup restored after an erasure must not bring the erased patient's key back (crypto-shredding),
     * so keys have backups of their own, taken after every erasure, older ones destroyed.
     */
    enum Scope {
        /** Everything but the keys. */
        DATA,
        /** Only the keys (wrapped by the master key, which no backup holds). */
        KEYS;

        static final Set<String> KEY_TABLES = Set.of("patient_key");

        boolean includes(String table) {
            return (this == KEYS) == KEY_TABLES.contains(table);
        }
    }

    /** Table name, its exportable columns (no generated or dropped ones) and its primary key. */
    record Table(String name, List<String> columns, List<String> keyColumns) {}

    /**
     * Fixes every setting that changes COPY's text output, the way pg_dump does, so the same rows always
     * give the same bytes (and the same checksum) on any server.
     */
    static void prepareSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set datestyle = iso, ymd");
            s.execute("set intervalstyle = postgres");
            s.execute("set timezone = 'UTC'");
            s.execute("set extra_float_digits = 3");
            s.execute("set bytea_output = hex");
            s.execute("set standard_conforming_strings = on");
            s.execute("set search_path = " + quote(SCHEMA));
        }
    }

    /** The data tables (no keys): see {@link Scope}. */
    static List<Table> tables(Connection c) throws SQLException {
        return tables(c, Scope.DATA);
    }

    static List<Table> tables(Connection c, Scope scope) throws SQLException {
        return allTables(c).stream().filter(t -> scope.includes(t.name())).toList();
    }

    /** Ordinary tables of schema public, except Flyway's history and tables owned by extensions. */
    private static List<Table> allTables(Connection c) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                """
                select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind = 'r' and c.relname <> ?
                  and not exists (select 1 from pg_depend d
                                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                order by c.relname
                """)) {
            ps.setString(1, SCHEMA);
            ps.setString(2, FLYWAY_HISTORY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<Long, String> e : names.entrySet()) {
            tables.add(new Table(e.getValue(), columns(c, e.getKey()), keyColumns(c, e.getKey())));
        }
        return tables;
    }

    static Optional<Table> table(Connection c, String name) throws SQLException {
        return allTables(c).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<String> columns(Connection c, long oid) throws SQLException {
        return strings(
                c,
                "select attname from pg_attribute where attrelid = ? and attnum > 0 and not attisdropped"
                        + " and attgenerated = '' order by attnum",
                oid);
    }

    private static List<String> keyColumns(Connection c, long oid) throws SQLException {
        return strings(
                c,
                """
                select a.attname from pg_index i
                cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = ? and i.indisprimary order by k.position
                """,
                oid);
    }

    /** Sequences of schema public (serial and identity ones included), by name. */
    static List<String> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind = 'S'
                  and not exists (select 1 from pg_depend d
                                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                order by c.relname
                """)) {
            ps.setString(1, SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static BackupManifest.SequenceValue sequenceValue(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select last_value, is_called from " + qualified(name))) {
            rs.next();
            return new BackupManifest.SequenceValue(name, rs.getLong(1), rs.getBoolean(2));
        }
    }

    /** The highest successfully applied Flyway version, or empty when Flyway never ran here. */
    static Optional<MigrationVersion> schemaVersion(Connection c) throws SQLException {
        if (!exists(c, FLYWAY_HISTORY)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version from " + qualified(FLYWAY_HISTORY)
                        + " where success and version is not null")) {
            MigrationVersion highest = null;
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (highest == null || v.compareTo(highest) > 0) {
                    highest = v;
                }
            }
            return Optional.ofNullable(highest);
        }
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, qualified(table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + qualified(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists (select 1 from " + qualified(table) + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * The COPY statement that exports a table: its columns in order, sorted by the primary key so that
     * the same rows give the same bytes whatever their physical order (text keys compared bytewise, so
     * the database's collation does not matter).
     */
    static String exportStatement(Connection c, String table, List<String> columns, List<String> keyColumns)
            throws SQLException {
        String select = "select " + columnList(columns) + " from " + qualified(table);
        if (keyColumns.isEmpty()) {
            return "copy " + qualified(table) + " (" + columnList(columns) + ") to stdout";
        }
        List<String> order = new ArrayList<>();
        for (String key : keyColumns) {
            order.add(quote(key) + (collatable(c, table, key) ? " collate \"C\"" : ""));
        }
        return "copy (" + select + " order by " + String.join(", ", order) + ") to stdout";
    }

    static String importStatement(String table, List<String> columns) {
        return "copy " + qualified(table) + " (" + columnList(columns) + ") from stdin";
    }

    private static boolean collatable(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select attcollation <> 0 from pg_attribute where attrelid = to_regclass(?) and attname = ?")) {
            ps.setString(1, qualified(table));
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new BackupException("column " + column + " of table " + table + " does not exist");
                }
                return rs.getBoolean(1);
            }
        }
    }

    static String qualified(String name) {
        return quote(SCHEMA) + "." + quote(name);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(Catalog::quote).collect(Collectors.joining(", "));
    }

    private static List<String> strings(Connection c, String sql, long oid) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
