package org.carelog.query.clinical;

import org.carelog.api.patient.PatientId;

/**
 * Records that the signed-in user read a view of a patient's health record (chart, a section of it, one
 * clinical item, history). Writing the entry is part of serving the read: it throws when the entry cannot be
 * written, and the read is then refused. Call it before returning clinical data.
 */
public interface ClinicalAccessLog {

    /**
     * @param view a stable name of what was read, such as {@code chart}, {@code chart.prescriptions},
     *     {@code labResult}, {@code recordHistory}
     */
    void recordRead(PatientId patient, String view);
}
