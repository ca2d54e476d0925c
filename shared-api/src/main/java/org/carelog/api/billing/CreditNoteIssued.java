package org.carelog.api.billing;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A credit note against the issued invoice, numbered {@code <invoice number>-CN<n>}. */
@Revision("1")
public record CreditNoteIssued(
        @DataSubject PatientId patientId,
        InvoiceId invoiceId,
        String number,
        Money amount,
        @PersonalData String reason,
        String approvedBy)
        implements InvoiceEvent {}
