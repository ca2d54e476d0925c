package org.carelog.query.clinical;

import java.time.Instant;
import java.util.List;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.patient.PatientId;

/**
 * A patient's record events read back from the event store (not from any read model), in store order: what
 * {@code patientChart(asOf:)} folds and {@code recordHistory} lists.
 */
public interface PatientHistory {

    /** Every record event of the patient stored at or before {@code asOf}; all of them when it is null. */
    List<RecordedEvent> eventsUntil(PatientId patient, Instant asOf);
}
