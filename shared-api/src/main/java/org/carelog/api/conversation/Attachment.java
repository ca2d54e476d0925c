package org.carelog.api.conversation;

/**
 * A file attached to a message, as events carry it: never its bytes (those are stored encrypted with the
 * patient's key in the attachment store) and never its name (the event's {@code fileNames}, encrypted).
 *
 * @param contentType the type found from the file's first bytes (image/png, image/jpeg, application/pdf)
 * @param size bytes
 * @param sha256 hex digest of the bytes, so a download can be checked against the record
 */
public record Attachment(AttachmentId attachmentId, String contentType, long size, String sha256) {}
