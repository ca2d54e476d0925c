package org.carelog.infra.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carelog.infra.audit.AuditSigningKeys;
import org.carelog.infra.audit.AuditTrailVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup, restore and verification of Carelog's database without pg_dump (the embedded server ships
 * no client tools). Runs from the application jar, without starting Carelog:
 *
 * <pre>
 * java -cp infra.jar -Dloader.main=org.carelog.infra.operations.BackupTool \
 *      org.springframework.boot.loader.launch.PropertiesLauncher backup carelog.zip
 * </pre>
 *
 * Exit codes: 0 done and verified, 1 refused, failed or differences found, 2 wrong usage.
 */
public final class BackupTool {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String DEFAULT_SIGNING_KEY_FILE = "./carelog-keys/audit-signing.key";

    private static final String USAGE_TEXT =
            """
            Usage: carelog-backup.sh COMMAND FILE [options]
                   carelog-backup.sh verify-audit [options]
                   carelog-backup.sh rotate-audit-key [--signing-key-file FILE]

            Commands:
              backup FILE    write a consistent snapshot of the database to FILE (a new file)
              restore FILE   restore FILE into an empty database, then check row counts
              verify FILE    compare a live database with FILE (row counts, content, sequences)
              backup-keys FILE   write only the patients' keys (wrapped by the master key) to FILE;
                                 data backups never hold them. Take one after every erasure and
                                 destroy the older ones, or an erased patient's key comes back.
              restore-keys FILE  restore a key backup into the (empty) key table of a restored database
              verify-audit   check the hash chains over the event store and the staff audit and
                             their signed checkpoints; prints the first broken link
              anchor FILE    write the newest signed checkpoint of each chain to FILE (a new file),
                             to keep off-site; verify-audit --anchor FILE checks the trail extends it
              rotate-audit-key   add a new key to the audit signing keyset and make it the one that
                             signs (old keys stay trusted); restart Carelog afterwards

            Options:
              --url URL          JDBC URL (env CARELOG_DB_URL, default %s)
              --user USER        user (env CARELOG_DB_USER, default %s)
              --password PASS    password (env CARELOG_DB_PASSWORD, default none)
              --data-dir DIR     instead of --url: start the embedded PostgreSQL on Carelog's data
                                 directory DIR itself (Carelog must be stopped)
              --counts-only      verify: compare row counts and sequences, not content
              --anchor FILE      verify-audit: an anchor written earlier by the anchor command
              --signing-key-file FILE  the audit signing keyset whose keys are trusted (env
                                 CARELOG_AUDIT_SIGNING_KEY_FILE, default %s)
              --trusted-keys IDS verify-audit: further trusted key ids, comma-separated (env
                                 CARELOG_AUDIT_TRUSTED_KEY_IDS); enough without the key file
            """
                    .formatted(DatabaseTarget.DEFAULT_URL, DatabaseTarget.DEFAULT_USER, DEFAULT_SIGNING_KEY_FILE);

    private BackupTool() {}

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; returns the exit code. Public for tests and for embedding in other tools. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (arguments == null) {
            out.print(USAGE_TEXT);
            return OK;
        }
        Progress progress = Progress.to(out);
        try {
            if (arguments.command().equals("rotate-audit-key")) {
                return rotateAuditKey(arguments, progress);
            }
            if (arguments.dataDirectory() == null) {
                return execute(arguments, arguments.target(), progress);
            }
            progress.line("Starting the embedded PostgreSQL on " + arguments.dataDirectory());
            try (EmbeddedServer server = EmbeddedServer.start(arguments.dataDirectory())) {
                return execute(arguments, server.target(), progress);
            }
        } catch (BackupException e) {
            err.println("carelog-backup: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("carelog-backup: " + arguments.command() + " failed: " + e);
            return FAILED;
        }
    }

    private static int execute(Arguments arguments, DatabaseTarget target, Progress progress) {
        switch (arguments.command()) {
            case "backup", "backup-keys" -> {
                Catalog.Scope scope = arguments.command().equals("backup") ? Catalog.Scope.DATA : Catalog.Scope.KEYS;
                progress.line("Backing up " + (scope == Catalog.Scope.KEYS ? "the keys of " : "") + target + " to "
                        + arguments.file());
                BackupManifest manifest = DatabaseBackup.run(target, arguments.file(), progress, scope);
                progress.line(String.format(
                        "Backup complete: %d tables, %,d rows, %d sequences, schema version %s, snapshot at %s",
                        manifest.tables().size(),
                        manifest.totalRows(),
                        manifest.sequences().size(),
                        manifest.schemaVersion(),
                        manifest.createdAt()));
                return OK;
            }
            case "restore", "restore-keys" -> {
                try (BackupArchive archive = BackupArchive.open(arguments.file())) {
                    progress.line("Restoring into " + target);
                    DatabaseRestore.Result result = DatabaseRestore.run(
                            target,
                            archive,
                            progress,
                            arguments.command().equals("restore") ? Catalog.Scope.DATA : Catalog.Scope.KEYS);
                    long rows = result.tables().stream()
                            .mapToLong(DatabaseRestore.TableCount::actual)
                            .sum();
                    progress.line(String.format(
                            "Restore complete: %d tables, %,d rows (row counts match the backup), %d sequences set",
                            result.tables().size(),
                            rows,
                            result.manifest().sequences().size()));
                    return OK;
                }
            }
            case "verify-audit" -> {
                return verifyAudit(arguments, target, progress);
            }
            case "anchor" -> {
                return anchor(arguments.file(), target, progress);
            }
            case "verify" -> {
                try (BackupArchive archive = BackupArchive.open(arguments.file())) {
                    progress.line("Comparing " + target + " with " + arguments.file() + " (taken "
                            + archive.manifest().createdAt() + ")");
                    DatabaseVerification.Result result =
                            DatabaseVerification.run(target, archive, !arguments.countsOnly(), progress);
                    progress.line(
                            result.matches()
                                    ? "The database matches the backup."
                                    : "The database DIFFERS from the backup (see the lines above).");
                    return result.matches() ? OK : FAILED;
                }
            }
            default -> throw new IllegalStateException(arguments.command());
        }
    }

    private static int verifyAudit(Arguments arguments, DatabaseTarget target, Progress progress) {
        Set<String> trusted = trustedKeyIds(arguments);
        List<AuditTrailVerification.SignedCheckpoint> anchor =
                arguments.anchor() == null ? List.of() : AuditAnchorFile.read(arguments.anchor());
        progress.line("Verifying the audit trail of " + target + " (trusted signing keys: " + String.join(", ", trusted)
                + (arguments.anchor() == null ? "" : "; anchor " + arguments.anchor()) + ")");
        AuditTrailVerification.Result result;
        try (Connection c = target.connect()) {
            result = AuditTrailVerification.verify(c, trusted, anchor);
        } catch (SQLException e) {
            throw new BackupException("cannot verify the audit trail: " + e.getMessage(), e);
        }
        progress.line(String.format(
                "Event store: %,d events and %,d gaps sealed and checked, %,d newer events not sealed yet;"
                        + " head %s",
                result.eventsChecked(), result.gapsChecked(), result.eventsUnsealed(), result.eventHeadHash()));
        progress.line(String.format(
                "Staff audit: %,d records checked, %,d not sealed yet; head %s",
                result.auditRecordsChecked(), result.auditRecordsUnsealed(), result.auditHeadHash()));
        progress.line(String.format(
                "Clinical access log: %,d entries and %,d gaps checked, %,d not sealed yet; head %s",
                result.accessRecordsChecked(),
                result.accessGapsChecked(),
                result.accessRecordsUnsealed(),
                result.accessHeadHash()));
        progress.line(String.format(
                "Signed checkpoints: %,d checked%s",
                result.checkpointsChecked(),
                anchor.isEmpty() || !result.intact()
                        ? ""
                        : "; the chains extend the anchor's " + anchor.size() + " checkpoints"));
        if (result.intact()) {
            progress.line("The audit trail is intact.");
            return OK;
        }
        AuditTrailVerification.BrokenLink broken = result.firstBrokenLink();
        progress.line("BROKEN: " + broken.chain() + " at position " + broken.position() + ": " + broken.reason());
        return FAILED;
    }

    /** The keys of the signing keyset (configured or its file) and the ids given; refuses to verify without any. */
    private static Set<String> trustedKeyIds(Arguments arguments) {
        Set<String> trusted = new TreeSet<>(arguments.trustedKeyIds());
        if (arguments.signingKey() != null && !arguments.signingKey().isBlank()) {
            trusted.addAll(AuditSigningKeys.load(arguments.signingKey(), arguments.signingKeyFile())
                    .publicKeys()
                    .keySet());
        } else if (Files.exists(arguments.signingKeyFile())) {
            trusted.addAll(AuditSigningKeys.read(arguments.signingKeyFile())
                    .publicKeys()
                    .keySet());
        }
        if (trusted.isEmpty()) {
            throw new BackupException("no trusted audit signing key: " + arguments.signingKeyFile()
                    + " does not exist; give --signing-key-file FILE or --trusted-keys ID,...");
        }
        return trusted;
    }

    private static int anchor(Path file, DatabaseTarget target, Progress progress) {
        List<AuditTrailVerification.SignedCheckpoint> latest;
        try (Connection c = target.connect()) {
            latest = AuditTrailVerification.latestCheckpoints(c);
            AuditAnchorFile.write(file, latest);
        } catch (SQLException | IOException e) {
            throw new BackupException("cannot write the audit anchor: " + e.getMessage(), e);
        }
        for (AuditTrailVerification.SignedCheckpoint c : latest) {
            progress.line(c.chain() + " at position " + c.position() + ", head " + c.headHash() + ", signed "
                    + c.signedAt() + " by key " + c.keyId());
        }
        progress.line("Anchor written to " + file + ": keep it off-site.");
        return OK;
    }

    private static int rotateAuditKey(Arguments arguments, Progress progress) {
        Path file = arguments.signingKeyFile();
        if (!Files.exists(file)) {
            throw new BackupException(file + " does not exist: Carelog creates it on its first start");
        }
        String id = AuditSigningKeys.rotate(file);
        progress.line("Added key " + id + " to " + file + " as the signing key; the older keys stay trusted."
                + " Restart Carelog to sign with it.");
        return OK;
    }

    /** Without Spring Boot's logging set-up, logback would print every DEBUG line of Flyway and zonky. */
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    record Arguments(
            String command,
            Path file,
            DatabaseTarget target,
            Path dataDirectory,
            boolean countsOnly,
            Path anchor,
            String signingKey,
            Path signingKeyFile,
            List<String> trustedKeyIds) {

        /** Null when help was asked for. */
        static Arguments parse(String[] args, Map<String, String> env) {
            String url = env.getOrDefault("CARELOG_DB_URL", DatabaseTarget.DEFAULT_URL);
            String user = env.getOrDefault("CARELOG_DB_USER", DatabaseTarget.DEFAULT_USER);
            String password = env.getOrDefault("CARELOG_DB_PASSWORD", "");
            Path dataDirectory = null;
            boolean countsOnly = false;
            Path anchor = null;
            Path signingKeyFile = Path.of(env.getOrDefault("CARELOG_AUDIT_SIGNING_KEY_FILE", DEFAULT_SIGNING_KEY_FILE));
            List<String> trustedKeyIds = ids(env.getOrDefault("CARELOG_AUDIT_TRUSTED_KEY_IDS", ""));
            boolean urlGiven = false;
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help", "help" -> {
                        return null;
                    }
                    case "--url" -> {
                        url = value(args, ++i, arg);
                        urlGiven = true;
                    }
                    case "--user" -> user = value(args, ++i, arg);
                    case "--password" -> password = value(args, ++i, arg);
                    case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, arg));
                    case "--counts-only" -> countsOnly = true;
                    case "--anchor" -> anchor = Path.of(value(args, ++i, arg));
                    case "--signing-key-file" -> signingKeyFile = Path.of(value(args, ++i, arg));
                    case "--trusted-keys" -> trustedKeyIds = ids(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        positional.add(arg);
                    }
                }
            }
            boolean withoutFile = positional.size() == 1
                    && List.of("verify-audit", "rotate-audit-key").contains(positional.get(0));
            if (positional.size() != 2 && !withoutFile) {
                throw new IllegalArgumentException("expected a command and a file");
            }
            String command = positional.get(0);
            if (!withoutFile
                    && !List.of("backup", "restore", "verify", "backup-keys", "restore-keys", "anchor")
                            .contains(command)) {
                throw new IllegalArgumentException("unknown command " + command);
            }
            if (urlGiven && dataDirectory != null) {
                throw new IllegalArgumentException("give either --url or --data-dir, not both");
            }
            if (countsOnly && !command.equals("verify")) {
                throw new IllegalArgumentException("--counts-only applies to verify only");
            }
            if (anchor != null && !command.equals("verify-audit")) {
                throw new IllegalArgumentException("--anchor applies to verify-audit only");
            }
            return new Arguments(
                    command,
                    withoutFile ? null : Path.of(positional.get(1)),
                    new DatabaseTarget(url, user, password),
                    dataDirectory,
                    countsOnly,
                    anchor,
                    env.get("CARELOG_AUDIT_SIGNING_KEY"),
                    signingKeyFile,
                    trustedKeyIds);
        }

        private static List<String> ids(String commaSeparated) {
            return Arrays.stream(commaSeparated.split(","))
                    .map(String::strip)
                    .filter(id -> !id.isEmpty())
                    .toList();
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
