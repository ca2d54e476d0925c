package org.carelog.api.billing;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;

/** The invoice was issued for its total (lines, less discount, plus tax): immutable from now on. */
@Revision("1")
public record InvoiceIssued(@DataSubject PatientId patientId, InvoiceId invoiceId, Money total)
        implements InvoiceEvent {}
