package org.carelog.query.history;

import java.util.List;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.patient.PatientId;

/** A patient's record events page by page, in store order, read from the event store (for recordHistory). */
public interface RecordHistoryPages {

    /** At most {@code limit} record events of the patient with a global index above {@code afterGlobalIndex}. */
    List<RecordedEvent> after(PatientId patient, long afterGlobalIndex, int limit);
}
