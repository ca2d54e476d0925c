package org.carelog.infra.telemedicine;

import org.carelog.api.telemedicine.JoinWindow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Virtual consultations: the join window from configuration. */
@Configuration(proxyBeanMethods = false)
class TelemedicineConfiguration {

    @Bean
    JoinWindow joinWindow(TelemedicineProperties properties) {
        return new JoinWindow(properties.joinOpensBefore(), properties.joinClosesAfter());
    }
}
