package org.carelog.infra.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A backup file: a zip holding {@code manifest.json} and one entry per table with its rows in
 * PostgreSQL's COPY text format. Opening it reads the manifest; {@link #checkIntegrity()} reads every
 * entry and compares its SHA-256 with the manifest before anything is written anywhere.
 */
final class BackupArchive implements AutoCloseable {

    private final Path file;
    private final ZipFile zip;
    private final BackupManifest manifest;

    private BackupArchive(Path file, ZipFile zip, BackupManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    static BackupArchive open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("backup file " + file + " does not exist");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw damaged(file, "not a readable zip archive (" + e.getMessage() + ")", e);
        }
        try {
            ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry == null) {
                throw damaged(file, "it has no " + BackupManifest.ENTRY, null);
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = BackupManifest.read(in);
            }
            if (!BackupManifest.FORMAT.equals(manifest.format())) {
                throw damaged(file, "it is not a Carelog backup (format " + manifest.format() + ")", null);
            }
            if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
                throw new BackupException("backup " + file + " has format version " + manifest.formatVersion()
                        + "; this tool reads version " + BackupManifest.FORMAT_VERSION);
            }
            if (manifest.tables() == null || manifest.sequences() == null || manifest.schemaVersion() == null) {
                throw damaged(file, "its manifest is incomplete", null);
            }
            return new BackupArchive(file, zip, manifest);
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            if (e instanceof BackupException be) {
                throw be;
            }
            throw damaged(file, "its manifest cannot be read (" + e.getMessage() + ")", e);
        }
    }

    BackupManifest manifest() {
        return manifest;
    }

    Path file() {
        return file;
    }

    /** Reads every table entry and checks its SHA-256 and row count against the manifest. */
    void checkIntegrity() {
        for (BackupManifest.TableData table : manifest.tables()) {
            try (InputStream in = data(table)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw damaged(
                        file, "the data of table " + table.name() + " cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * The rows of one table. The stream checks itself: reading it to the end throws {@link IOException}
     * when the bytes or the number of rows differ from the manifest.
     */
    InputStream data(BackupManifest.TableData table) throws IOException {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new IOException("entry " + table.entry() + " is missing");
        }
        return new CheckedInputStream(zip.getInputStream(entry), table);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BackupException damaged(Path file, String why, Throwable cause) {
        return new BackupException(
                "backup " + file + " is damaged or incomplete: " + why + "; nothing was restored", cause);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // only reading; nothing to lose
        }
    }

    /** Counts rows (COPY text ends every row with a newline, embedded ones are escaped) and hashes bytes. */
    private static final class CheckedInputStream extends DigestInputStream {

        private final BackupManifest.TableData table;
        private long newlines;
        private boolean checked;

        CheckedInputStream(InputStream in, BackupManifest.TableData table) {
            super(in, sha256());
            this.table = table;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b == '\n') {
                newlines++;
            }
            if (b < 0) {
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    newlines++;
                }
            }
            if (n < 0) {
                check();
            }
            return n;
        }

        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            String actual = HexFormat.of().formatHex(getMessageDigest().digest());
            if (!actual.equals(table.sha256())) {
                throw new IOException(
                        "SHA-256 of table " + table.name() + " is " + actual + ", the manifest says " + table.sha256());
            }
            if (newlines != table.rows()) {
                throw new IOException(
                        "table " + table.name() + " holds " + newlines + " rows, the manifest says " + table.rows());
            }
        }
    }
}
