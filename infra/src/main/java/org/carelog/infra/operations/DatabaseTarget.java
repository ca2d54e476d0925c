package org.carelog.infra.operations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a command works on. Defaults are the embedded server's (application.yml): port 54329,
 * database carelog, user postgres without a password.
 */
record DatabaseTarget(String url, String user, String password) {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:54329/carelog";
    static final String DEFAULT_USER = "postgres";

    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setApplicationName("carelog-backup");
        return ds;
    }

    Connection connect() {
        try {
            Connection c = dataSource().getConnection();
            Catalog.prepareSession(c);
            return c;
        } catch (SQLException e) {
            throw new BackupException("cannot connect to " + url + " as " + user + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return url + " (user " + user + ")";
    }
}
