package org.carelog.infra.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carelog.infra.audit.AuditTrailVerification.Chain;
import org.carelog.infra.audit.AuditTrailVerification.SignedCheckpoint;

/**
 * An exported anchor: the newest signed checkpoints as JSON, {@code {"checkpoints": [...]}}, the shape of the
 * GraphQL query auditAnchor, whose saved response ({@code {"data": {"auditAnchor": ...}}}) is read too.
 */
final class AuditAnchorFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditAnchorFile() {}

    static void write(Path file, List<SignedCheckpoint> checkpoints) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("checkpoints");
        for (SignedCheckpoint c : checkpoints) {
            array.addObject()
                    .put("chain", c.chain().name())
                    .put("position", c.position())
                    .put("headHash", c.headHash())
                    .put("signedAt", c.signedAt().toString())
                    .put("keyId", c.keyId())
                    .put("signature", c.signature());
        }
        Files.write(
                file,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    static List<SignedCheckpoint> read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode array = root.has("data") ? root.at("/data/auditAnchor/checkpoints") : root.path("checkpoints");
            if (!array.isArray()) {
                throw new BackupException(file + " is not an audit anchor: no checkpoints array");
            }
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            for (JsonNode c : array) {
                checkpoints.add(new SignedCheckpoint(
                        Chain.valueOf(c.path("chain").asText()),
                        c.path("position").asLong(),
                        c.path("headHash").asText(),
                        Instant.parse(c.path("signedAt").asText()),
                        c.path("keyId").asText(),
                        c.path("signature").asText()));
            }
            return checkpoints;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("cannot read the audit anchor " + file + ": " + e.getMessage(), e);
        }
    }
}
