package org.carelog.api.patient;

/**
 * Why a patient's personal data was erased: the legal ground, as a code. Free text is not accepted
 * because it would itself be personal data kept forever in the erasure event.
 */
public enum ErasureBasis {
    /** The patient asked for erasure (right to erasure). */
    DATA_SUBJECT_REQUEST,
    /** The patient withdrew the consent the data was held on. */
    CONSENT_WITHDRAWN,
    /** The data should never have been processed. */
    UNLAWFUL_PROCESSING,
    /** A court or the data protection authority ordered it. */
    LEGAL_ORDER,
    /** The record was created by mistake (for example a test registration). */
    REGISTERED_IN_ERROR
}
