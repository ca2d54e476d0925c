package org.carelog.infra.clinical;

import org.carelog.command.clinical.ClinicalPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Encounters: the clinical policy from configuration. */
@Configuration(proxyBeanMethods = false)
class ClinicalConfiguration {

    @Bean
    ClinicalPolicy clinicalPolicy(ClinicalProperties properties) {
        return new ClinicalPolicy(properties.nursesMayDiagnose());
    }
}
