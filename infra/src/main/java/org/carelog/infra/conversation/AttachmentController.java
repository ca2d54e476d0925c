package org.carelog.infra.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.conversation.AttachmentId;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.portal.SignedInPatient;
import org.carelog.infra.conversation.AttachmentStore.StoredFile;
import org.carelog.infra.security.SignedInStaff;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Message attachments over HTTP: {@code POST /conversations/{id}/attachments} (multipart, part {@code file}) stores
 * a file for a message to be sent; {@code GET /attachments/{id}} reads one back. A patient reaches only their own
 * conversations' files, and anything else answers exactly as a missing file; clinicians (DOCTOR, NURSE) upload to
 * any conversation, and read (also AUDITOR) under the clinical access rules. Every read is access-logged first.
 */
@RestController
class AttachmentController {

    private static final Set<String> CLINICIANS = Set.of("DOCTOR", "NURSE");
    private static final Set<String> READERS = Set.of("DOCTOR", "NURSE", "AUDITOR");

    private final AttachmentStore store;
    private final ClinicalAccessLog accessLog;

    AttachmentController(AttachmentStore store, ClinicalAccessLog accessLog) {
        this.store = store;
        this.accessLog = accessLog;
    }

    @PostMapping("/conversations/{conversationId}/attachments")
    ResponseEntity<Map<String, Object>> upload(
            @PathVariable String conversationId, @RequestParam("file") MultipartFile file, Authentication user) {
        Optional<PatientId> patient = patient(user);
        if (patient.isEmpty() && !CLINICIANS.contains(role(user))) {
            return error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Your role may not do this");
        }
        ConversationId conversation;
        try {
            conversation = ConversationId.parse("conversationId", conversationId);
        } catch (CarelogException e) {
            return error(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION, e.getMessage());
        }
        Optional<UUID> owner = store.patientOf(conversation)
                .filter(p -> patient.isEmpty() || patient.get().value().equals(p));
        if (owner.isEmpty()) {
            return notFound("No conversation with id " + conversationId);
        }
        try {
            AttachmentId id =
                    store.store(conversation, owner.get(), file.getOriginalFilename(), file.getBytes(), user.getName());
            StoredFile stored = store.read(id.value()).orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("attachmentId", id.toString());
            body.put("contentType", stored.facts().contentType());
            body.put("size", stored.facts().size());
            body.put("sha256", stored.facts().sha256());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        } catch (CarelogException e) {
            return error(
                    e.getMessage().contains("larger than") ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    e.code(),
                    e.error().violations().isEmpty()
                            ? e.getMessage()
                            : e.error().violations().get(0).message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<?> download(
            @PathVariable String attachmentId,
            Authentication user,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId) {
        Optional<PatientId> patient = patient(user);
        if (patient.isEmpty() && !READERS.contains(role(user))) {
            return error(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, "Your role may not do this");
        }
        UUID id;
        try {
            id = AttachmentId.parse("attachmentId", attachmentId).value();
        } catch (CarelogException e) {
            return error(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION, e.getMessage());
        }
        Optional<StoredFile> found = store.read(id)
                .filter(f -> patient.isEmpty() || patient.get().value().equals(f.patientId()));
        if (found.isEmpty()) {
            return notFound("No attachment with id " + attachmentId);
        }
        StoredFile file = found.get();
        try {
            accessLog.recordRead(new PatientId(file.patientId()), "messageAttachment", requestId);
        } catch (CarelogException e) {
            return error(HttpStatus.FORBIDDEN, e.code(), e.getMessage());
        }
        String name =
                file.facts().fileName() == null ? "attachment" : file.facts().fileName();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.facts().contentType()))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-SHA256", file.facts().sha256())
                .body(file.bytes());
    }

    private static Optional<PatientId> patient(Authentication user) {
        return user != null && user.getPrincipal() instanceof SignedInPatient p
                ? Optional.of(p.patientId())
                : Optional.empty();
    }

    private static String role(Authentication user) {
        return user == null ? "NONE" : SignedInStaff.roleOf(user).orElse("NONE");
    }

    private static ResponseEntity<Map<String, Object>> notFound(String message) {
        return error(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, message);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, ErrorCode code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code.name(), "message", message));
    }
}
