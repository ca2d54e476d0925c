package org.carelog.command.billing;

import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carelog.api.billing.ApplyDiscount;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeRequest;
import org.carelog.api.billing.ConfirmOnlinePayment;
import org.carelog.api.billing.GenerateInvoice;
import org.carelog.api.billing.GeneratedInvoice;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.IssueCreditNote;
import org.carelog.api.billing.IssueInvoice;
import org.carelog.api.billing.PatientAccountId;
import org.carelog.api.billing.PayFromDeposit;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.billing.ReceiveDeposit;
import org.carelog.api.billing.RecordPayment;
import org.carelog.api.billing.RecordedPayment;
import org.carelog.api.billing.RefundPayment;
import org.carelog.api.billing.SetConsultationFees;
import org.carelog.api.billing.SetPrice;
import org.carelog.api.billing.VoidInvoice;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.billing.BillingInputs.ApplyDiscountInput;
import org.carelog.command.billing.BillingInputs.ConfirmOnlinePaymentInput;
import org.carelog.command.billing.BillingInputs.CounterChargeInput;
import org.carelog.command.billing.BillingInputs.CreateCounterInvoiceInput;
import org.carelog.command.billing.BillingInputs.DepositPayload;
import org.carelog.command.billing.BillingInputs.GenerateEncounterInvoiceInput;
import org.carelog.command.billing.BillingInputs.InvoiceActionInput;
import org.carelog.command.billing.BillingInputs.InvoiceActionPayload;
import org.carelog.command.billing.BillingInputs.InvoiceCorrectionInput;
import org.carelog.command.billing.BillingInputs.InvoicePayload;
import org.carelog.command.billing.BillingInputs.PayFromDepositInput;
import org.carelog.command.billing.BillingInputs.PaymentPayload;
import org.carelog.command.billing.BillingInputs.PricePayload;
import org.carelog.command.billing.BillingInputs.ReceiveDepositInput;
import org.carelog.command.billing.BillingInputs.RecordPaymentInput;
import org.carelog.command.billing.BillingInputs.RefundPayload;
import org.carelog.command.billing.BillingInputs.RefundPaymentInput;
import org.carelog.command.billing.BillingInputs.SetConsultationFeesInput;
import org.carelog.command.billing.BillingInputs.SetPriceInput;
import org.carelog.command.common.CommandSender;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/**
 * Billing at the counter: administrators keep the price list; cashiers (BILLING) generate counter invoices,
 * discount drafts, take payments; approver roles (carelog.billing.approver-roles, ADMIN by default) approve
 * large discounts, refunds, voids and credit notes (checked by the invoice, which knows the amounts).
 */
@Controller
class BillingMutations {

    private static final String ADMIN = "hasRole('ADMIN')";
    private static final String CASHIERS = "hasAnyRole('BILLING', 'ADMIN')";
    static final int MAX_DAYS = 365;

    private final BillingCommands commands;
    private final InvoiceGenerator generator;

    BillingMutations(BillingCommands commands, InvoiceGenerator generator) {
        this.commands = commands;
        this.generator = generator;
    }

    @MutationMapping
    @PreAuthorize(ADMIN)
    PricePayload setPrice(@Argument SetPriceInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        if (input.category() == null) {
            violations.reject("category", "is required");
        }
        String code = violations.check("code", () -> Text.required("code", input.code(), 64));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        PriceKey key = new PriceKey(input.category(), code);
        commands.send(
                new SetPrice(
                        key,
                        input.name(),
                        amount,
                        input.effectiveFrom() == null
                                ? null
                                : input.effectiveFrom().toInstant()),
                input.idempotencyKey(),
                env);
        return new PricePayload(key.toString());
    }

    @MutationMapping
    @PreAuthorize(ADMIN)
    PricePayload setConsultationFees(@Argument SetConsultationFeesInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PractitionerId practitioner = violations.check(
                "practitionerId", () -> PractitionerId.parse("practitionerId", input.practitionerId()));
        Money newVisit = violations.check("newVisit", () -> Money.parse(input.newVisit()));
        Money followUp = violations.check("followUp", () -> Money.parse(input.followUp()));
        violations.throwIfAny();
        PriceKey key = new PriceKey(ChargeCategory.CONSULTATION, practitioner.toString());
        commands.send(
                new SetConsultationFees(
                        key,
                        newVisit,
                        followUp,
                        input.followUpDays() == null ? 30 : input.followUpDays(),
                        input.freeRevisitDays() == null ? 7 : input.freeRevisitDays(),
                        input.effectiveFrom() == null
                                ? null
                                : input.effectiveFrom().toInstant()),
                input.idempotencyKey(),
                env);
        return new PricePayload(key.toString());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    InvoicePayload createCounterInvoice(@Argument CreateCounterInvoiceInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        DepartmentId department = input.departmentId() == null
                ? null
                : violations.check("departmentId", () -> DepartmentId.parse("departmentId", input.departmentId()));
        List<ChargeRequest> charges = new ArrayList<>();
        List<CounterChargeInput> lines = input.charges() == null ? List.of() : input.charges();
        for (int i = 0; i < lines.size(); i++) {
            CounterChargeInput line = lines.get(i);
            if (line.category() == ChargeCategory.CONSULTATION) {
                violations.reject("charges[" + i + "].category", "consultations are billed from encounters");
                continue;
            }
            charges.add(new ChargeRequest(
                    "counter:" + (i + 1),
                    line.category(),
                    line.code(),
                    Text.clean(line.description()),
                    line.quantity() == null ? 1 : line.quantity(),
                    null));
        }
        violations.throwIfAny();
        GeneratedInvoice generated = commands.send(
                new GenerateInvoice(InvoiceId.random(), patient, null, null, department, null, charges),
                input.idempotencyKey(),
                env);
        return payload(generated);
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    InvoicePayload generateEncounterInvoice(
            @Argument GenerateEncounterInvoiceInput input, DataFetchingEnvironment env) {
        EncounterId encounter = EncounterId.parse("encounterId", input.encounterId());
        String requestId = env.getGraphQlContext().get(CommandSender.REQUEST_ID_CONTEXT_KEY);
        GeneratedInvoice generated = (GeneratedInvoice)
                generator.generate(encounter, SecurityContextHolder.getContext().getAuthentication(), requestId);
        return payload(generated);
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    InvoiceActionPayload applyDiscount(@Argument ApplyDiscountInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        InvoiceId invoice = violations.check("invoiceId", () -> InvoiceId.parse("invoiceId", input.invoiceId()));
        BigDecimal percent =
                input.percent() == null ? null : violations.check("percent", () -> percent(input.percent()));
        Money amount = input.amount() == null ? null : violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        commands.send(new ApplyDiscount(invoice, percent, amount, input.reason()), input.idempotencyKey(), env);
        return new InvoiceActionPayload(invoice.toString());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    InvoiceActionPayload issueInvoice(@Argument InvoiceActionInput input, DataFetchingEnvironment env) {
        InvoiceId invoice = InvoiceId.parse("invoiceId", input.invoiceId());
        commands.send(new IssueInvoice(invoice), input.idempotencyKey(), env);
        return new InvoiceActionPayload(invoice.toString());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    PaymentPayload recordPayment(@Argument RecordPaymentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        InvoiceId invoice = violations.check("invoiceId", () -> InvoiceId.parse("invoiceId", input.invoiceId()));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        Money tendered =
                input.tendered() == null ? null : violations.check("tendered", () -> Money.parse(input.tendered()));
        violations.throwIfAny();
        RecordedPayment recorded = commands.send(
                new RecordPayment(invoice, UUID.randomUUID(), input.method(), amount, tendered, input.reference()),
                input.idempotencyKey(),
                env);
        return new PaymentPayload(recorded.paymentId().toString(), recorded.changeDue(), recorded.balanceDue());
    }

    /** The online payment adapter's entry (docs/billing-online-payments.md); its service account is an ADMIN. */
    @MutationMapping
    @PreAuthorize(ADMIN)
    PaymentPayload confirmOnlinePayment(@Argument ConfirmOnlinePaymentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        InvoiceId invoice = violations.check("invoiceId", () -> InvoiceId.parse("invoiceId", input.invoiceId()));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        RecordedPayment recorded = commands.send(
                new ConfirmOnlinePayment(
                        invoice,
                        UUID.randomUUID(),
                        input.provider(),
                        input.providerTransactionId(),
                        amount,
                        input.paidAt() == null ? null : input.paidAt().toInstant()),
                input.idempotencyKey(),
                env);
        return new PaymentPayload(recorded.paymentId().toString(), recorded.changeDue(), recorded.balanceDue());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    DepositPayload receiveDeposit(@Argument ReceiveDepositInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        UUID deposit = commands.send(
                new ReceiveDeposit(
                        new PatientAccountId(patient), UUID.randomUUID(), input.method(), amount, input.reference()),
                input.idempotencyKey(),
                env);
        return new DepositPayload(deposit.toString());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    PaymentPayload payFromDeposit(@Argument PayFromDepositInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        InvoiceId invoice = violations.check("invoiceId", () -> InvoiceId.parse("invoiceId", input.invoiceId()));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        RecordedPayment recorded =
                commands.send(new PayFromDeposit(invoice, UUID.randomUUID(), amount), input.idempotencyKey(), env);
        return new PaymentPayload(recorded.paymentId().toString(), recorded.changeDue(), recorded.balanceDue());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    RefundPayload refundPayment(@Argument RefundPaymentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        InvoiceId invoice = violations.check("invoiceId", () -> InvoiceId.parse("invoiceId", input.invoiceId()));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        UUID refund = UUID.randomUUID();
        commands.send(
                new RefundPayment(invoice, refund, input.method(), amount, input.reason()),
                input.idempotencyKey(),
                env);
        return new RefundPayload(refund.toString());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    InvoiceActionPayload voidInvoice(@Argument InvoiceCorrectionInput input, DataFetchingEnvironment env) {
        InvoiceId invoice = InvoiceId.parse("invoiceId", input.invoiceId());
        commands.send(new VoidInvoice(invoice, input.reason()), input.idempotencyKey(), env);
        return new InvoiceActionPayload(invoice.toString());
    }

    @MutationMapping
    @PreAuthorize(CASHIERS)
    InvoiceActionPayload issueCreditNote(@Argument InvoiceCorrectionInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        InvoiceId invoice = violations.check("invoiceId", () -> InvoiceId.parse("invoiceId", input.invoiceId()));
        Money amount = violations.check("amount", () -> Money.parse(input.amount()));
        violations.throwIfAny();
        commands.send(new IssueCreditNote(invoice, amount, input.reason()), input.idempotencyKey(), env);
        return new InvoiceActionPayload(invoice.toString());
    }

    private static InvoicePayload payload(GeneratedInvoice generated) {
        return new InvoicePayload(generated.invoiceId().toString(), generated.number(), generated.total());
    }

    private static BigDecimal percent(String raw) {
        try {
            BigDecimal percent = new BigDecimal(raw.strip());
            if (percent.scale() > 2) {
                throw CarelogException.validation("percent", "at most two decimals");
            }
            return percent;
        } catch (NumberFormatException e) {
            throw CarelogException.validation("percent", "is not a percentage");
        }
    }
}
