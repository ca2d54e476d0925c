package org.carelog.infra.conversation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Secure messages.
 *
 * @param maxAttachmentBytes the largest file a message may carry
 * @param attachmentTypes the file types accepted, recognised by the file's first bytes (its "magic"), never by
 *     its name or the type the client claims: image/png, image/jpeg, application/pdf
 */
@ConfigurationProperties("carelog.portal.messages")
public record MessagingProperties(
        @DefaultValue("5242880") long maxAttachmentBytes,
        @DefaultValue({"image/png", "image/jpeg", "application/pdf"}) List<String> attachmentTypes) {

    public MessagingProperties {
        if (maxAttachmentBytes < 1) {
            throw new IllegalArgumentException("carelog.portal.messages.max-attachment-bytes must be positive");
        }
        attachmentTypes = List.copyOf(attachmentTypes);
        for (String type : attachmentTypes) {
            if (!AttachmentStore.KNOWN_TYPES.contains(type)) {
                throw new IllegalArgumentException("carelog.portal.messages.attachment-types: " + type
                        + " is not one Carelog recognises (" + AttachmentStore.KNOWN_TYPES + ")");
            }
        }
    }
}
