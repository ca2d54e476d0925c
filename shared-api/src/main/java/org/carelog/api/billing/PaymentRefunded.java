package org.carelog.api.billing;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** Money paid back to the patient, by a cashier, approved by an approver role (the sender). */
@Revision("1")
public record PaymentRefunded(
        @DataSubject PatientId patientId,
        InvoiceId invoiceId,
        UUID refundId,
        PaymentMethod method,
        Money amount,
        @PersonalData String reason,
        String approvedBy)
        implements InvoiceEvent {}
