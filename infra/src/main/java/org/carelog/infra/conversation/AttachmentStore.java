package org.carelog.infra.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.conversation.ConversationId;
import org.carelog.command.conversation.ConversationDirectory.UploadedAttachment;
import org.carelog.infra.privacy.SubjectKeyring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Files uploaded to conversations, in table {@code message_attachment}: the bytes and the file name encrypted
 * with the patient's own key (bound to the attachment's id), so erasing the patient leaves nothing readable. The
 * type is what the first bytes say, never the name or the type the client claims.
 */
@Component
class AttachmentStore {

    static final Set<String> KNOWN_TYPES = Set.of("image/png", "image/jpeg", "application/pdf");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    static final int FILE_NAME_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final SubjectKeyring keys;
    private final MessagingProperties settings;
    private final Clock clock;

    AttachmentStore(JdbcTemplate jdbc, SubjectKeyring keys, MessagingProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The patient of a conversation (from the command side's lookup), if it exists. */
    Optional<UUID> patientOf(ConversationId conversation) {
        return jdbc
                .queryForList(
                        "select patient_id from conversation_patient where conversation_id = ?",
                        UUID.class,
                        conversation.value())
                .stream()
                .findFirst();
    }

    /** Stores a file for the conversation; VALIDATION when it is empty, too large or of a type not accepted. */
    AttachmentId store(ConversationId conversation, UUID patient, String fileName, byte[] bytes, String uploadedBy) {
        if (bytes == null || bytes.length == 0) {
            throw CarelogException.validation("file", "is empty");
        }
        if (bytes.length > settings.maxAttachmentBytes()) {
            throw CarelogException.validation("file", "is larger than " + settings.maxAttachmentBytes() + " bytes");
        }
        String type = typeOf(bytes)
                .filter(settings.attachmentTypes()::contains)
                .orElseThrow(() -> CarelogException.validation(
                        "file", "is not one of the accepted types " + settings.attachmentTypes()));
        String name = cleanName(fileName);
        AttachmentId id = AttachmentId.random();
        String subject = patient.toString();
        jdbc.update(
                "insert into message_attachment (attachment_id, conversation_id, patient_id, content_type, size,"
                        + " sha256, file_name, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id.value(),
                conversation.value(),
                patient,
                type,
                (long) bytes.length,
                sha256(bytes),
                keys.encrypt(subject, name.getBytes(StandardCharsets.UTF_8), context(id, "name")),
                keys.encrypt(subject, bytes, context(id, "content")),
                uploadedBy,
                Timestamp.from(clock.instant()));
        return id;
    }

    /** A stored file's facts (its name decrypted; null once the patient is erased). */
    Optional<UploadedAttachment> describe(UUID attachment) {
        return stored(attachment, false).map(StoredFile::facts);
    }

    /** A stored file and its patient, bytes decrypted; empty when there is none or its patient was erased. */
    Optional<StoredFile> read(UUID attachment) {
        return stored(attachment, true).filter(f -> f.bytes() != null);
    }

    /** A file as read back. */
    record StoredFile(UploadedAttachment facts, UUID patientId, byte[] bytes) {}

    private Optional<StoredFile> stored(UUID attachment, boolean withBytes) {
        List<StoredFile> found = jdbc.query(
                "select conversation_id, patient_id, content_type, size, sha256, file_name, "
                        + (withBytes ? "content" : "null")
                        + " from message_attachment where attachment_id = ?",
                (rs, i) -> {
                    AttachmentId id = new AttachmentId(attachment);
                    String subject = rs.getObject(2, UUID.class).toString();
                    String name = keys.decrypt(subject, rs.getBytes(6), context(id, "name"))
                            .map(b -> new String(b, StandardCharsets.UTF_8))
                            .orElse(null);
                    byte[] content = rs.getBytes(7);
                    byte[] bytes = content == null
                            ? null
                            : keys.decrypt(subject, content, context(id, "content"))
                                    .orElse(null);
                    return new StoredFile(
                            new UploadedAttachment(
                                    id,
                                    new ConversationId(rs.getObject(1, UUID.class)),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getString(5),
                                    name),
                            rs.getObject(2, UUID.class),
                            bytes);
                },
                attachment);
        return found.stream().findFirst();
    }

    /** The type the first bytes say, among those Carelog recognises. */
    static Optional<String> typeOf(byte[] bytes) {
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file's own name without any path, control characters cut, at most 200 characters. */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > FILE_NAME_LENGTH ? name.substring(0, FILE_NAME_LENGTH) : name;
    }

    private static byte[] context(AttachmentId id, String part) {
        return ("message_attachment:" + id + ":" + part).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
