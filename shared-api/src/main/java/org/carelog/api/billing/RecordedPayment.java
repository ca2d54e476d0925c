package org.carelog.api.billing;

import java.util.UUID;
import org.carelog.api.common.Money;

/** A payment recorded (or found, when the same provider transaction was recorded before). */
public record RecordedPayment(UUID paymentId, Money changeDue, Money balanceDue) {}
