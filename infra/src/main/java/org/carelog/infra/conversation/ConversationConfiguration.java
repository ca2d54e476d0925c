package org.carelog.infra.conversation;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Secure messages: a cache of loaded conversations. */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    /**
     * Keeps loaded conversations between commands, so a message does not replay (and decrypt) the whole
     * conversation. Safe with several processes: a stale conversation's append collides, is rolled back and
     * evicted, and ConversationCommands sends the command again on a fresh load.
     */
    @Bean
    Cache conversationCache() {
        return new WeakReferenceCache();
    }
}
