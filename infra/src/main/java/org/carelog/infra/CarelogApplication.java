package org.carelog.infra;

import org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Carelog. Axon's JPA event store and token store are switched off in favour of its JDBC engine
 * (PITFALLS #12): it measured faster here and needs no sequence mapping override.
 */
@SpringBootApplication(
        scanBasePackages = "org.carelog",
        exclude = {
            JpaAutoConfiguration.class,
            JpaEventStoreAutoConfiguration.class,
            // Communication wires db-scheduler and the deadline manager itself (CommunicationConfiguration).
            AxonDbSchedulerAutoConfiguration.class
        })
@EntityScan("org.carelog.projection")
@EnableJpaRepositories("org.carelog.projection")
@ConfigurationPropertiesScan("org.carelog.infra")
public class CarelogApplication {

    public static void main(String[] args) {
        start(args);
    }

    public static org.springframework.context.ConfigurableApplicationContext start(String... args) {
        // Axon's update checker calls home; offline it warns again and again (PITFALLS #9).
        System.setProperty("axoniq.update-checker.disabled", "true");
        return SpringApplication.run(CarelogApplication.class, args);
    }
}
