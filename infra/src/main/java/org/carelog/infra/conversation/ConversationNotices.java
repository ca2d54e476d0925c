package org.carelog.infra.conversation;

import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.common.CarelogException;
import org.carelog.api.communication.MessageKind;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.conversation.Author;
import org.carelog.api.conversation.MessageSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells a patient that the care team wrote to them: a SECURE_MESSAGE_NOTICE on their preferred channel, without
 * the message's content (they read it signed in). One notice per message (deduplicated by its id); never replayed.
 */
@Component
@ProcessingGroup("conversation-notices")
@DisallowReplay
class ConversationNotices {

    private static final Logger log = LoggerFactory.getLogger(ConversationNotices.class);

    private final ObjectProvider<PatientMessaging> messaging;
    private volatile boolean warned;

    ConversationNotices(ObjectProvider<PatientMessaging> messaging) {
        this.messaging = messaging;
    }

    @EventHandler
    void on(MessageSent event) {
        if (event.author() != Author.CARE_TEAM) {
            return;
        }
        PatientMessaging sender = messaging.getIfAvailable();
        if (sender == null) {
            if (!warned) {
                warned = true;
                log.warn("No PatientMessaging is configured: patients are not told of replies");
            }
            return;
        }
        try {
            sender.send(new PatientMessageRequest(
                    "secure-message:" + event.messageId(),
                    event.patientId(),
                    MessageKind.SECURE_MESSAGE_NOTICE,
                    null,
                    Map.of("conversationId", event.conversationId().toString()),
                    Set.of()));
        } catch (CarelogException e) {
            // No address on any channel, or erased: nothing to send, and nothing to retry.
            log.info("No notice of message {}: {}", event.messageId(), e.getMessage());
        }
    }
}
