package org.carelog.api.billing;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;

/** Money paid in advance into the patient's account: in the cashier's cash book, not yet revenue. */
@Revision("1")
public record DepositReceived(
        @DataSubject PatientId patientId,
        UUID depositId,
        PaymentMethod method,
        Money amount,
        String reference,
        String cashier,
        Instant receivedAt) {}
