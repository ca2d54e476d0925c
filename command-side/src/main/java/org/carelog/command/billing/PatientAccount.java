package org.carelog.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.billing.DepositApplied;
import org.carelog.api.billing.DepositReceived;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.PatientAccountId;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.ReceiveDeposit;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.command.billing.BillingRegistry.PaymentReference;

/**
 * A patient's advance deposits: money received and what was applied to invoices. The balance never goes below
 * zero; applying is decided together with the invoice's payment in one transaction ({@link DepositPayments}).
 */
@Aggregate
class PatientAccount {

    @AggregateIdentifier
    private PatientAccountId accountId;

    private Money balance = Money.ZERO;
    private final Set<UUID> seen = new HashSet<>();

    PatientAccount() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    UUID handle(
            ReceiveDeposit command,
            BillingRegistry registry,
            Clock clock,
            @MetaDataValue(MetadataKeys.USERNAME) String username) {
        if (command.depositId() != null && seen.contains(command.depositId())) {
            return command.depositId();
        }
        Violations violations = new Violations();
        if (command.depositId() == null) {
            violations.reject("depositId", "is required");
        }
        if (command.method() == null || command.method() == PaymentMethod.DEPOSIT) {
            violations.reject("method", "how the deposit was paid is required");
        }
        String reference = Text.clean(command.reference());
        if (command.method() != null && command.method().mobile() && reference == null) {
            violations.reject("reference", "the provider's transaction id is required for " + command.method());
        }
        if (reference != null && reference.length() > Invoice.REFERENCE_LENGTH) {
            violations.reject("reference", "at most " + Invoice.REFERENCE_LENGTH + " characters");
        }
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            violations.reject("amount", "must be more than 0");
        }
        violations.throwIfAny();
        if (reference != null && command.method() != PaymentMethod.CASH) {
            PaymentReference earlier =
                    registry.paymentWithReference(command.method(), reference).orElse(null);
            if (earlier != null) {
                throw CarelogException.conflict(
                        "This " + command.method() + " transaction was already recorded", Map.of());
            }
        }
        apply(new DepositReceived(
                command.accountId().patientId(),
                command.depositId(),
                command.method(),
                command.amount(),
                reference,
                username,
                clock.instant()));
        return command.depositId();
    }

    /** Debits the balance for an invoice's payment; CONFLICT when the deposits do not cover it. */
    void applyTo(InvoiceId invoice, UUID paymentId, Money amount) {
        if (seen.contains(paymentId)) {
            return;
        }
        if (amount.compareTo(balance) > 0) {
            throw CarelogException.conflict(
                    "The patient's deposits (" + balance + ") do not cover " + amount,
                    Map.of("balance", balance.amount().toPlainString()));
        }
        apply(new DepositApplied(accountId.patientId(), paymentId, invoice, amount));
    }

    PatientId patientId() {
        return accountId.patientId();
    }

    @EventSourcingHandler
    void on(DepositReceived event) {
        accountId = new PatientAccountId(event.patientId());
        seen.add(event.depositId());
        balance = balance.plus(event.amount());
    }

    @EventSourcingHandler
    void on(DepositApplied event) {
        seen.add(event.paymentId());
        balance = balance.minus(event.amount());
    }
}
