package org.carelog.infra.operations;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a backup into an empty database: checks the whole archive first, creates the schema with
 * Carelog's own Flyway migrations up to the backup's version, then copies every table and sets every
 * sequence in one transaction that commits only when each table's row count matches the manifest.
 */
final class DatabaseRestore {

    static final String MIGRATIONS = "classpath:db/migration";

    private DatabaseRestore() {}

    /** Row counts per table after the restore, as read back from the database. */
    record Result(BackupManifest manifest, List<TableCount> tables, int migrationsApplied) {}

    record TableCount(String table, long expected, long actual) {}

    static Result run(DatabaseTarget target, BackupArchive archive, Progress progress) {
        return run(target, archive, progress, Catalog.Scope.DATA);
    }

    /** Restores a data backup into an empty database, or a key backup into an empty key table. */
    static Result run(DatabaseTarget target, BackupArchive archive, Progress progress, Catalog.Scope scope) {
        BackupManifest manifest = archive.manifest();
        progress.line("Checking " + archive.file() + " (" + manifest.tables().size() + " tables, "
                + String.format("%,d", manifest.totalRows()) + " rows, schema version " + manifest.schemaVersion()
                + ", taken " + manifest.createdAt() + ")");
        archive.checkIntegrity();
        for (BackupManifest.TableData table : manifest.tables()) {
            if (!scope.includes(table.name())) {
                throw new BackupException(archive.file() + " holds table " + table.name() + ", which a "
                        + (scope == Catalog.Scope.KEYS ? "key" : "data")
                        + " restore does not take: restore data with 'restore' and keys with 'restore-keys'");
            }
        }
        MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
        try (Connection c = target.connect()) {
            refuseUnlessEmpty(c, target, version, scope);
            int applied = migrate(target, version, progress);
            List<TableCount> counts = copyIn(c, archive, progress);
            analyze(c, manifest);
            return new Result(manifest, counts, applied);
        } catch (SQLException e) {
            throw new BackupException("restore into " + target + " failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private static void refuseUnlessEmpty(
            Connection c, DatabaseTarget target, MigrationVersion version, Catalog.Scope scope) throws SQLException {
        List<String> holdingData = new ArrayList<>();
        for (Catalog.Table table : Catalog.tables(c, scope)) {
            if (Catalog.hasRows(c, table.name())) {
                holdingData.add(table.name());
            }
        }
        if (!holdingData.isEmpty()) {
            throw new BackupException("refusing to restore into " + target + ": it is not empty, tables "
                    + String.join(", ", holdingData)
                    + " hold data. Restore only into a new, empty database (nothing was changed).");
        }
        Optional<MigrationVersion> current = Catalog.schemaVersion(c);
        if (current.isPresent() && current.get().compareTo(version) > 0) {
            throw new BackupException("refusing to restore into " + target + ": its schema is at version "
                    + current.get() + ", newer than the backup's " + version
                    + ". Restore into a new, empty database (nothing was changed).");
        }
    }

    private static int migrate(DatabaseTarget target, MigrationVersion version, Progress progress) {
        Flyway flyway = Flyway.configure(DatabaseRestore.class.getClassLoader())
                .dataSource(target.dataSource())
                .locations(MIGRATIONS)
                .target(version)
                .load();
        boolean known = false;
        for (MigrationInfo info : flyway.info().all()) {
            known |= version.equals(info.getVersion());
        }
        if (!known) {
            throw new BackupException("the backup's schema version " + version
                    + " is not among this Carelog build's migrations; restore with the Carelog version that"
                    + " took the backup (nothing was changed)");
        }
        MigrateResult result = flyway.migrate();
        progress.line(
                "Schema migrated to version " + version + " (" + result.migrationsExecuted + " migrations applied)");
        return result.migrationsExecuted;
    }

    private static List<TableCount> copyIn(Connection c, BackupArchive archive, Progress progress) throws SQLException {
        BackupManifest manifest = archive.manifest();
        c.setAutoCommit(false);
        try {
            disableTriggers(c, progress);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.TableData table : manifest.tables()) {
                Catalog.Table existing = Catalog.table(c, table.name())
                        .orElseThrow(() -> new BackupException("table " + table.name()
                                + " of the backup does not exist after migrating to version "
                                + manifest.schemaVersion()));
                if (!existing.columns().containsAll(table.columns())) {
                    throw new BackupException("table " + table.name() + " has columns " + existing.columns()
                            + " after migrating, the backup has " + table.columns());
                }
                long rows;
                try (InputStream in = archive.data(table)) {
                    rows = copy.copyIn(Catalog.importStatement(table.name(), table.columns()), in);
                } catch (IOException e) {
                    throw new BackupException(
                            "backup " + archive.file() + " is damaged: " + e.getMessage()
                                    + "; the restore was rolled back",
                            e);
                }
                progress.line(String.format("  %-28s %,12d rows", table.name(), rows));
            }
            for (BackupManifest.SequenceValue sequence : manifest.sequences()) {
                try (PreparedStatement ps = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                    ps.setString(1, Catalog.qualified(sequence.name()));
                    ps.setLong(2, sequence.lastValue());
                    ps.setBoolean(3, sequence.isCalled());
                    ps.executeQuery().close();
                }
            }
            List<TableCount> counts = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            for (BackupManifest.TableData table : manifest.tables()) {
                long actual = Catalog.count(c, table.name());
                counts.add(new TableCount(table.name(), table.rows(), actual));
                if (actual != table.rows()) {
                    wrong.add(table.name() + " has " + actual + " rows, expected " + table.rows());
                }
            }
            if (!wrong.isEmpty()) {
                throw new BackupException("row counts differ after copying (" + String.join("; ", wrong)
                        + "); the restore was rolled back");
            }
            c.commit();
            return counts;
        } catch (RuntimeException | SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Rows go back exactly as they were, so triggers and foreign-key checks must not act on them again.
     * That needs a superuser (the embedded server's postgres is one); without it they stay on.
     */
    private static void disableTriggers(Connection c, Progress progress) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            c.rollback(savepoint);
            progress.line("Note: triggers stay enabled during the restore ("
                    + e.getMessage().strip() + ")");
        }
    }

    private static void analyze(Connection c, BackupManifest manifest) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (BackupManifest.TableData table : manifest.tables()) {
                s.execute("analyze " + Catalog.qualified(table.name()));
            }
        }
    }
}
