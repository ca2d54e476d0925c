package org.carelog.infra.operations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What a backup archive holds, written as {@code manifest.json} next to the table data.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the archive layout; a tool refuses versions it does not know
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param database the database name the backup was taken from
 * @param schemaVersion the Flyway schema version of that database
 * @param serverVersion PostgreSQL's {@code server_version}
 * @param copyFormat the COPY format of the data entries
 * @param tables every table of schema public except Flyway's history, in restore order
 * @param sequences every sequence of schema public
 */
record BackupManifest(
        String format,
        int formatVersion,
        String createdAt,
        String database,
        String schemaVersion,
        String serverVersion,
        String copyFormat,
        List<TableData> tables,
        List<SequenceValue> sequences) {

    static final String FORMAT = "carelog-backup";
    static final int FORMAT_VERSION = 1;
    static final String ENTRY = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One table's data.
     *
     * @param name table name in schema public
     * @param entry the archive entry holding its rows in COPY text format
     * @param columns the columns exported, in that order
     * @param keyColumns the primary key the rows are sorted by (empty: physical order)
     * @param rows rows exported
     * @param sha256 SHA-256 of the entry's bytes, hex
     */
    record TableData(
            String name, String entry, List<String> columns, List<String> keyColumns, long rows, String sha256) {}

    /** A sequence's state, as {@code setval(name, lastValue, isCalled)} restores it. */
    record SequenceValue(String name, long lastValue, boolean isCalled) {}

    /** Writes the manifest without closing {@code out} (it is usually an archive still being written). */
    void write(OutputStream out) throws IOException {
        out.write(JSON.writeValueAsBytes(this));
    }

    static BackupManifest read(InputStream in) throws IOException {
        return JSON.readValue(in, BackupManifest.class);
    }

    long totalRows() {
        return tables.stream().mapToLong(TableData::rows).sum();
    }
}
