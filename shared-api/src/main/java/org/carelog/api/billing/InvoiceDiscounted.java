package org.carelog.api.billing;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * A discount on the draft invoice (replacing any earlier one). {@code percent} is null for an amount discount.
 * The reason may tell of the patient's circumstances: personal data.
 */
@Revision("1")
public record InvoiceDiscounted(
        @DataSubject PatientId patientId,
        InvoiceId invoiceId,
        BigDecimal percent,
        Money amount,
        @PersonalData String reason,
        String approvedBy)
        implements InvoiceEvent {}
