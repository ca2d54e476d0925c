package org.carelog.infra.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** Key files outside the database (the master key, the audit signing key): created once, readable by the owner only. */
public final class KeyFiles {

    private KeyFiles() {}

    /**
     * Writes a new key to {@code file} unless it exists; returns whether this call created it (another process may
     * have won the race). The key's text is never logged.
     */
    public static boolean createIfMissing(Path file, Supplier<String> newKey) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        try {
            createOwnerOnly(file);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        Files.writeString(file, newKey.get() + "\n", StandardCharsets.US_ASCII);
        return true;
    }

    /** An empty file with mode 0600 where POSIX permissions exist. */
    public static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
