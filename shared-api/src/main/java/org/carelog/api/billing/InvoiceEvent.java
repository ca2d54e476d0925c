package org.carelog.api.billing;

import org.carelog.api.patient.PatientId;

/** An event of one invoice, whose patient is its data subject. */
public interface InvoiceEvent {

    PatientId patientId();

    InvoiceId invoiceId();
}
