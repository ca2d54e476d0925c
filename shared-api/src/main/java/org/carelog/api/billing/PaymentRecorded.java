package org.carelog.api.billing;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;

/**
 * A payment towards the invoice. Amounts are clear: the cash book sums these events.
 *
 * @param tendered cash handed over (null when not cash)
 * @param changeDue cash returned: tendered minus amount
 * @param reference provider transaction id or card reference, or null
 * @param cashier the staff member who took it ({@code online} for a gateway confirmation)
 * @param paidAt when the money moved (the gateway's time for an online payment)
 */
@Revision("1")
public record PaymentRecorded(
        @DataSubject PatientId patientId,
        InvoiceId invoiceId,
        UUID paymentId,
        PaymentMethod method,
        Money amount,
        Money tendered,
        Money changeDue,
        String reference,
        String cashier,
        Instant paidAt)
        implements InvoiceEvent {}
