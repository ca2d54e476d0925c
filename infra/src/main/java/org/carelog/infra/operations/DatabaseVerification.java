package org.carelog.infra.operations;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Compares a live database with a backup: row counts per table, the content of every table with a
 * primary key (exported the way the backup was, then compared by SHA-256), and the sequences (a live
 * sequence behind the backup's would hand out numbers again). Right after a restore everything
 * matches; on a database Carelog has kept using since, differences are expected.
 */
final class DatabaseVerification {

    private DatabaseVerification() {}

    enum Content {
        SAME,
        DIFFERENT,
        NOT_COMPARED
    }

    record TableCheck(String table, long backupRows, long liveRows, Content content) {
        boolean matches() {
            return backupRows == liveRows && content != Content.DIFFERENT;
        }
    }

    record SequenceCheck(String sequence, long backupValue, Long liveValue) {
        boolean matches() {
            return liveValue != null && liveValue >= backupValue;
        }
    }

    record Result(List<TableCheck> tables, List<String> tablesOnlyLive, List<SequenceCheck> sequences) {
        boolean matches() {
            return tables.stream().allMatch(TableCheck::matches)
                    && sequences.stream().allMatch(SequenceCheck::matches);
        }
    }

    static Result run(DatabaseTarget live, BackupArchive archive, boolean compareContent, Progress progress) {
        archive.checkIntegrity();
        BackupManifest manifest = archive.manifest();
        try (Connection c = live.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            try {
                return compare(c, manifest, compareContent, progress);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new BackupException("verification against " + live + " failed: " + e.getMessage(), e);
        }
    }

    private static Result compare(Connection c, BackupManifest manifest, boolean compareContent, Progress progress)
            throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<TableCheck> tables = new ArrayList<>();
        for (BackupManifest.TableData table : manifest.tables()) {
            Optional<Catalog.Table> existing = Catalog.table(c, table.name());
            long liveRows = existing.isPresent() ? Catalog.count(c, table.name()) : -1;
            Content content = Content.NOT_COMPARED;
            if (compareContent
                    && existing.isPresent()
                    && !table.keyColumns().isEmpty()
                    && existing.get().columns().containsAll(table.columns())) {
                MessageDigest digest = BackupArchive.sha256();
                try {
                    copy.copyOut(
                            Catalog.exportStatement(c, table.name(), table.columns(), table.keyColumns()),
                            new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                } catch (java.io.IOException e) {
                    throw new SQLException("could not read table " + table.name(), e);
                }
                content = HexFormat.of().formatHex(digest.digest()).equals(table.sha256())
                        ? Content.SAME
                        : Content.DIFFERENT;
            }
            TableCheck check = new TableCheck(table.name(), table.rows(), liveRows, content);
            tables.add(check);
            progress.line(String.format(
                    "  %-28s backup %,12d   live %12s   content %-12s %s",
                    table.name(),
                    table.rows(),
                    liveRows < 0 ? "missing" : String.format("%,d", liveRows),
                    content.name().toLowerCase().replace('_', ' '),
                    check.matches() ? "ok" : "DIFFERS"));
        }
        List<String> onlyLive = new ArrayList<>();
        for (Catalog.Table table : Catalog.tables(c)) {
            if (manifest.tables().stream().noneMatch(t -> t.name().equals(table.name()))) {
                onlyLive.add(table.name());
                progress.line(String.format("  %-28s not in the backup", table.name()));
            }
        }
        List<String> liveSequences = Catalog.sequences(c);
        List<SequenceCheck> sequences = new ArrayList<>();
        for (BackupManifest.SequenceValue sequence : manifest.sequences()) {
            Long liveValue = liveSequences.contains(sequence.name())
                    ? Catalog.sequenceValue(c, sequence.name()).lastValue()
                    : null;
            SequenceCheck check = new SequenceCheck(sequence.name(), sequence.lastValue(), liveValue);
            sequences.add(check);
            progress.line(String.format(
                    "  sequence %-19s backup %,12d   live %12s   %s",
                    sequence.name(),
                    sequence.lastValue(),
                    liveValue == null ? "missing" : String.format("%,d", liveValue),
                    check.matches() ? "ok" : "BEHIND THE BACKUP"));
        }
        return new Result(tables, onlyLive, sequences);
    }
}
