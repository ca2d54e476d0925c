package org.carelog.projection.conversation;

import java.util.List;

/** A conversation with its messages in order: what the chart section and a conversation's page show. */
public record ConversationThread(ConversationView conversation, List<MessageView> messages) {

    public ConversationThread {
        messages = List.copyOf(messages);
    }
}
