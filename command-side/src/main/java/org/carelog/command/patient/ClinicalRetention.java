package org.carelog.command.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The facility's rule for how long clinical records must be kept. While it applies, a patient's
 * personal data may not be erased (the law that requires the record wins over the right to erasure).
 */
public interface ClinicalRetention {

    /** The day until which a record last touched at {@code lastActivity} must be kept; empty when not. */
    Optional<LocalDate> retainedUntil(Instant lastActivity);
}
