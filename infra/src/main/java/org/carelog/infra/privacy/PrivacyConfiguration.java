package org.carelog.infra.privacy;

import java.time.Clock;
import org.carelog.command.patient.ClinicalRetention;
import org.carelog.infra.config.FacilityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per-patient keys for personal data (crypto-shredding): the master key from configuration or its key
 * file, the key store in Carelog's database, and the facility's retention rule for erasure.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    SubjectKeyStore subjectKeyStore(JdbcTemplate jdbc) {
        return new JdbcSubjectKeyStore(jdbc);
    }

    /**
     * Checks the master key against the stored keys at start-up (the JdbcTemplate it reads with waits
     * for Flyway's migrations, as Spring Boot orders it).
     */
    @Bean
    SubjectKeyring subjectKeyring(PrivacyProperties properties, SubjectKeyStore store) {
        SubjectKeyring keyring = SubjectKeyring.open(properties, store);
        keyring.checkMasterKey();
        return keyring;
    }

    @Bean
    ClinicalRetention clinicalRetention(PrivacyProperties properties, Clock clock, FacilityProperties facility) {
        return new PeriodRetention(properties.clinicalRetention(), clock, facility.zone());
    }
}
