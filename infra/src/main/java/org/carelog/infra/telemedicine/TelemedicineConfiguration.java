package org.carelog.infra.telemedicine;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.carelog.api.telemedicine.JoinWindow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Virtual consultations: the join window from configuration, and loaded consultations kept between commands. */
@Configuration(proxyBeanMethods = false)
class TelemedicineConfiguration {

    @Bean
    JoinWindow joinWindow(TelemedicineProperties properties) {
        return new JoinWindow(properties.joinOpensBefore(), properties.joinClosesAfter());
    }

    /**
     * Every join is an event, so a consultation's stream grows with rejoins; a loaded consultation is kept between
     * commands. With several processes a stale one is refreshed when its append collides (the command is re-sent
     * by {@code TelemedicineCommands}).
     */
    @Bean
    Cache virtualConsultationCache() {
        return new WeakReferenceCache();
    }
}
