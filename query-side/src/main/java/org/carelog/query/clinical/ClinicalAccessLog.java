package org.carelog.query.clinical;

import graphql.schema.DataFetchingEnvironment;
import org.carelog.api.patient.PatientId;

/**
 * Records that the signed-in user read a view of a patient's health record (chart, a section of it, one
 * clinical item, history). Writing the entry is part of serving the read: it throws when the entry cannot be
 * written, and the read is then refused. Call it before returning clinical data.
 */
public interface ClinicalAccessLog {

    /**
     * Records a read by the user signed in on this thread.
     *
     * @param view a stable name of what was read, such as {@code chart}, {@code chart.prescriptions},
     *     {@code labResult}, {@code recordHistory}
     * @param requestId the request that read it (GraphQL context key {@code carelog.requestId}), or null
     */
    void recordRead(PatientId patient, String view, String requestId);

    /** Records a read made in a GraphQL request. */
    default void recordRead(PatientId patient, String view, DataFetchingEnvironment env) {
        recordRead(patient, view, (String) env.getGraphQlContext().get(REQUEST_ID_CONTEXT_KEY));
    }

    /** Where the request id is kept in the GraphQL context (the same key commands read). */
    String REQUEST_ID_CONTEXT_KEY = "carelog.requestId";
}
