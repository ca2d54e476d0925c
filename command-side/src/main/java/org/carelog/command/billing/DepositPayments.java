package org.carelog.command.billing;

import java.time.Clock;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.carelog.api.billing.PatientAccountId;
import org.carelog.api.billing.PayFromDeposit;
import org.carelog.api.billing.RecordedPayment;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Violations;
import org.springframework.stereotype.Component;

/**
 * Pays an invoice from the patient's deposits: the invoice decides what is due, the account what it holds, both
 * in the command's one unit of work, so their events commit together or not at all.
 */
@Component
class DepositPayments {

    private final Repository<Invoice> invoices;
    private final Repository<PatientAccount> accounts;

    DepositPayments(Repository<Invoice> invoices, Repository<PatientAccount> accounts) {
        this.invoices = invoices;
        this.accounts = accounts;
    }

    @CommandHandler
    RecordedPayment handle(PayFromDeposit command, Clock clock, @MetaDataValue(MetadataKeys.USERNAME) String username) {
        Violations violations = new Violations();
        if (command.invoiceId() == null) {
            violations.reject("invoiceId", "is required");
        }
        if (command.paymentId() == null) {
            violations.reject("paymentId", "is required");
        }
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            violations.reject("amount", "must be more than 0");
        }
        violations.throwIfAny();
        var invoice = invoices.load(command.invoiceId().toString());
        PatientAccountId account = new PatientAccountId(invoice.invoke(Invoice::patientId));
        RecordedPayment recorded =
                invoice.invoke(i -> i.payFromDeposit(command.paymentId(), command.amount(), username, clock.instant()));
        try {
            accounts.load(account.toString())
                    .execute(a -> a.applyTo(command.invoiceId(), command.paymentId(), command.amount()));
        } catch (AggregateNotFoundException e) {
            throw CarelogException.conflict("The patient has no deposits", Map.of());
        }
        return recorded;
    }
}
