package org.carelog.infra.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tamper-evidence settings.
 *
 * @param sealInterval how often the event sealer looks for new events to seal
 * @param sealBatchSize how many events it seals in one transaction
 */
@ConfigurationProperties("carelog.audit")
record AuditProperties(@DefaultValue("PT1S") Duration sealInterval, @DefaultValue("1000") int sealBatchSize) {}
