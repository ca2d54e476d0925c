package org.carelog.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The honest floor of a durable single-row write on the same PostgreSQL: one INSERT per transaction
 * (autocommit), each client on its own connection, into a scratch table in schema {@code bench}.
 */
final class JdbcInsertBaseline {

    private final String url;
    private final AtomicLong rows = new AtomicLong();

    JdbcInsertBaseline(String url) {
        this.url = url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** The durability settings the measurement ran under (PITFALLS #5), and the server version. */
    Map<String, String> serverSettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String name : new String[] {"server_version", "fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    void createTable() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench.bench_insert");
            s.execute("create table bench.bench_insert (id bigserial primary key, client int not null,"
                    + " payload text not null, created_at timestamptz not null default now())");
        }
    }

    void dropTable() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop schema bench cascade");
        }
    }

    /** A client with its own connection, inserting one row per autocommitted transaction. */
    ClosedLoop.Client client(int number) {
        try {
            Connection c = connect();
            c.setAutoCommit(true);
            PreparedStatement insert =
                    c.prepareStatement("insert into bench.bench_insert (client, payload) values (?, ?)");
            return new ClosedLoop.Client() {
                @Override
                public String call() throws SQLException {
                    insert.setInt(1, number);
                    // About the size of a registration's identifying facts.
                    insert.setString(2, "patient " + rows.incrementAndGet() + " +8801700000000 1000000000 ".repeat(4));
                    return insert.executeUpdate() == 1 ? null : "no row";
                }

                @Override
                public void close() throws SQLException {
                    insert.close();
                    c.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
