package org.carelog.api.billing;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;

/** Part of the patient's deposits paid an invoice (the invoice records the matching DEPOSIT payment). */
@Revision("1")
public record DepositApplied(@DataSubject PatientId patientId, UUID paymentId, InvoiceId invoiceId, Money amount) {}
