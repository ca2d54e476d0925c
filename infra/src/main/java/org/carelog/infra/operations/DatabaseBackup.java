package org.carelog.infra.operations;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Takes a backup of a Carelog database into one archive file.
 *
 * <p>Everything is read in one {@code REPEATABLE READ, READ ONLY} transaction: every table is seen as
 * of the same instant even while Carelog keeps writing, and Carelog is never blocked (only schema
 * changes wait, for the ACCESS SHARE locks taken on each table). Sequences are not transactional, so
 * they are read last: every value used by a row in the snapshot was handed out before it, so a
 * restored sequence never hands out a number that a restored row already holds.
 */
final class DatabaseBackup {

    private DatabaseBackup() {}

    static BackupManifest run(DatabaseTarget source, Path file, Progress progress) {
        return run(source, file, progress, Catalog.Scope.DATA);
    }

    /** A backup of the data, or of the keys alone (no sequences: they belong to the data). */
    static BackupManifest run(DatabaseTarget source, Path file, Progress progress, Catalog.Scope scope) {
        if (Files.exists(file)) {
            throw new BackupException(file + " already exists; choose a new file name (backups are never overwritten)");
        }
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try (Connection c = source.connect()) {
            BackupManifest manifest;
            try {
                manifest = write(c, temporary, progress, scope);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
            moveIntoPlace(temporary, absolute);
            return manifest;
        } catch (SQLException e) {
            throw new BackupException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("backup failed writing " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the .partial file is only a leftover; the backup's outcome is already decided
            }
        }
    }

    private static BackupManifest write(Connection c, Path temporary, Progress progress, Catalog.Scope scope)
            throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
        String createdAt;
        String serverVersion;
        String database;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select statement_timestamp(), current_setting('server_version'), current_database()")) {
            rs.next();
            createdAt = rs.getTimestamp(1)
                    .toInstant()
                    .truncatedTo(ChronoUnit.MILLIS)
                    .toString();
            serverVersion = rs.getString(2);
            database = rs.getString(3);
        }
        MigrationVersion schemaVersion = Catalog.schemaVersion(c)
                .orElseThrow(
                        () -> new BackupException(
                                "database " + database
                                        + " has no Flyway schema history: it is not a Carelog database (or Carelog never started on it)"));
        List<Catalog.Table> tables = Catalog.tables(c, scope);
        if (!tables.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("lock table "
                        + tables.stream().map(t -> Catalog.qualified(t.name())).collect(Collectors.joining(", "))
                        + " in access share mode");
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.TableData> exported = new ArrayList<>();
        try (OutputStream fileOut = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW);
                ZipOutputStream zip = new ZipOutputStream(fileOut)) {
            // Fast compression: a backup runs beside a working clinic; hex bytea still shrinks about 2x.
            zip.setLevel(Deflater.BEST_SPEED);
            for (Catalog.Table table : tables) {
                String entry = "data/" + table.name() + ".copy";
                zip.putNextEntry(new ZipEntry(entry));
                MessageDigest digest = BackupArchive.sha256();
                long rows = copy.copyOut(
                        Catalog.exportStatement(c, table.name(), table.columns(), table.keyColumns()),
                        new DigestOutputStream(new Unclosable(zip), digest));
                zip.closeEntry();
                exported.add(new BackupManifest.TableData(
                        table.name(),
                        entry,
                        table.columns(),
                        table.keyColumns(),
                        rows,
                        HexFormat.of().formatHex(digest.digest())));
                progress.line(String.format("  %-28s %,12d rows", table.name(), rows));
            }
            List<BackupManifest.SequenceValue> sequences = new ArrayList<>();
            for (String sequence : scope == Catalog.Scope.DATA ? Catalog.sequences(c) : List.<String>of()) {
                sequences.add(Catalog.sequenceValue(c, sequence));
            }
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT,
                    BackupManifest.FORMAT_VERSION,
                    createdAt,
                    database,
                    schemaVersion.getVersion(),
                    serverVersion,
                    "text",
                    exported,
                    sequences);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            manifest.write(zip);
            zip.closeEntry();
            zip.finish();
            return manifest;
        }
    }

    /** The archive appears under its name only once complete and on disk. */
    private static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file);
        }
    }

    /** COPY closes nothing, but a wrapper must never close the archive around it. */
    private static final class Unclosable extends FilterOutputStream {

        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
