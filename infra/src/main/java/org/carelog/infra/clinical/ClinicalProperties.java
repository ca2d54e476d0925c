package org.carelog.infra.clinical;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clinical record settings.
 *
 * @param nursesMayDiagnose whether nurses may record, resolve and retract diagnoses (by default only doctors do;
 *     nurses record vital signs and notes). Signing an encounter stays a doctor's either way.
 */
@ConfigurationProperties("carelog.clinical")
public record ClinicalProperties(@DefaultValue("false") boolean nursesMayDiagnose) {}
