package org.carelog.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.carelog.api.billing.ApplyDiscount;
import org.carelog.api.billing.BillingPolicy;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeDetail;
import org.carelog.api.billing.ChargeRequest;
import org.carelog.api.billing.ConfirmOnlinePayment;
import org.carelog.api.billing.ConsultationVisit;
import org.carelog.api.billing.CreditNoteIssued;
import org.carelog.api.billing.GenerateInvoice;
import org.carelog.api.billing.GeneratedInvoice;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceDiscounted;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.InvoiceIssued;
import org.carelog.api.billing.InvoiceStatus;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.IssueCreditNote;
import org.carelog.api.billing.IssueInvoice;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.billing.RecordPayment;
import org.carelog.api.billing.RecordedPayment;
import org.carelog.api.billing.RefundPayment;
import org.carelog.api.billing.VoidInvoice;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.billing.BillingRegistry.ConsultationFees;
import org.carelog.command.billing.BillingRegistry.PaymentReference;
import org.carelog.command.billing.BillingRegistry.Price;

/**
 * One invoice: its priced lines, discount, payments, refunds and credit notes. A draft may be discounted; it is
 * issued explicitly or by its first payment, and is immutable from then on. What is paid (net of refunds) never
 * exceeds the total less credit notes, refunds never exceed what was paid, and nothing changes after a void.
 * Each command is decided on the invoice's whole history, one at a time per invoice (Axon's aggregate lock
 * within a process, the event store's sequence key across processes, {@link BillingCommands} retrying). Loaded
 * invoices are cached between commands (a busy invoice is not re-sourced for every payment); a cached invoice
 * another process changed collides on its next append, is evicted, and the retry loads it afresh.
 */
@Aggregate(cache = "invoiceCache")
class Invoice {

    static final int MAX_CHARGES = 200;
    static final int MAX_QUANTITY = 999;
    static final int REASON_LENGTH = 500;
    static final int REFERENCE_LENGTH = 64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private InvoiceId invoiceId;

    private PatientId patientId;
    private String number;
    private InvoiceStatus status;
    private final Set<String> chargeKeys = new HashSet<>();
    private Money gross = Money.ZERO;
    private Money discount = Money.ZERO;
    private Money credited = Money.ZERO;
    private Money paid = Money.ZERO;
    private Money refunded = Money.ZERO;
    private int creditNotes;
    private final Set<UUID> paymentIds = new HashSet<>();
    private final Set<UUID> refundIds = new HashSet<>();

    Invoice() {
        // for Axon
    }

    // --- generation ---

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    GeneratedInvoice handle(GenerateInvoice command, BillingRegistry registry, BillingPolicy policy, Clock clock) {
        if (invoiceId != null) {
            // Generated before (a redelivered signature, a retried sale): one invoice, unchanged.
            return new GeneratedInvoice(invoiceId, number, total());
        }
        Violations violations = new Violations();
        if (command.patientId() == null) {
            violations.reject("patientId", "is required");
        }
        List<ChargeRequest> requests = command.charges() == null ? List.of() : command.charges();
        if (requests.isEmpty()) {
            violations.reject("charges", "at least one charge is required");
        } else if (requests.size() > MAX_CHARGES) {
            violations.reject("charges", "at most " + MAX_CHARGES + " charges");
        }
        Instant now = clock.instant();
        List<InvoiceCharge> charges = new ArrayList<>();
        List<ChargeDetail> details = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < requests.size() && requests.size() <= MAX_CHARGES; i++) {
            ChargeRequest request = requests.get(i);
            String field = "charges[" + i + "]";
            if (request == null || request.category() == null || Text.isBlank(request.code())) {
                violations.reject(field, "a category and a code are required");
                continue;
            }
            if (Text.isBlank(request.chargeKey()) || !keys.add(request.chargeKey())) {
                violations.reject(field + ".chargeKey", "is missing or appears twice");
                continue;
            }
            if (request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
                violations.reject(field + ".quantity", "must be from 1 to " + MAX_QUANTITY);
                continue;
            }
            BigDecimal taxRate = policy.taxRate(request.category());
            if (request.category() == ChargeCategory.CONSULTATION) {
                PractitionerId practitioner = violations.check(
                        field + ".code",
                        () -> PractitionerId.parse(
                                field + ".code", request.code().strip()));
                if (practitioner == null) {
                    continue;
                }
                ConsultationFees fees =
                        registry.consultationFeesAt(practitioner, now).orElse(null);
                if (fees == null) {
                    violations.reject(field + ".code", "the practitioner has no consultation fees in the price list");
                    continue;
                }
                ConsultationVisit visit = request.visit() != null
                        ? request.visit()
                        : visit(
                                registry.lastChargedConsultation(command.patientId(), practitioner)
                                        .orElse(null),
                                now,
                                fees);
                Money fee =
                        switch (visit) {
                            case NEW -> fees.newVisit();
                            case FOLLOW_UP -> fees.followUp();
                            case FREE_REVISIT -> Money.ZERO;
                        };
                charges.add(InvoiceCharge.priced(
                        request.chargeKey(), request.category(), visit, request.quantity(), fee, taxRate));
                details.add(new ChargeDetail(
                        request.chargeKey(),
                        practitioner.toString(),
                        request.description() != null ? request.description() : consultationLabel(visit)));
            } else {
                Price price = registry.priceAt(
                                new PriceKey(request.category(), request.code().strip()), now)
                        .orElse(null);
                if (price == null) {
                    violations.reject(field + ".code", "has no price in the price list");
                    continue;
                }
                charges.add(InvoiceCharge.priced(
                        request.chargeKey(), request.category(), null, request.quantity(), price.amount(), taxRate));
                details.add(new ChargeDetail(
                        request.chargeKey(),
                        request.code().strip(),
                        Text.isBlank(request.description())
                                ? price.name()
                                : request.description().strip()));
            }
        }
        violations.throwIfAny();
        int year = now.atZone(clock.getZone()).getYear();
        String allocated = registry.allocateInvoiceNumber(policy.invoicePrefix(), year);
        apply(new InvoiceGenerated(
                command.patientId(),
                command.invoiceId(),
                allocated,
                command.encounterId(),
                command.practitionerId(),
                command.departmentId(),
                command.appointmentId(),
                now,
                List.copyOf(charges),
                List.copyOf(details)));
        return new GeneratedInvoice(invoiceId, number, total());
    }

    /**
     * Which fee a consultation costs, from the patient's last charged consultation with the practitioner: within
     * the free-revisit window nothing, within the follow-up window the follow-up fee, otherwise a new visit.
     * Windows count whole days (24 hours) from the last charged consultation.
     */
    static ConsultationVisit visit(Instant lastCharged, Instant now, ConsultationFees fees) {
        if (lastCharged == null || lastCharged.isAfter(now)) {
            return ConsultationVisit.NEW;
        }
        long days = java.time.Duration.between(lastCharged, now).toDays();
        if (days < fees.freeRevisitDays()) {
            return ConsultationVisit.FREE_REVISIT;
        }
        if (days < fees.followUpDays()) {
            return ConsultationVisit.FOLLOW_UP;
        }
        return ConsultationVisit.NEW;
    }

    private static String consultationLabel(ConsultationVisit visit) {
        return switch (visit) {
            case NEW -> "Consultation (new visit)";
            case FOLLOW_UP -> "Consultation (follow-up)";
            case FREE_REVISIT -> "Consultation (free revisit)";
        };
    }

    // --- draft changes ---

    @CommandHandler
    void handle(
            ApplyDiscount command,
            BillingPolicy policy,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireStatus(
                InvoiceStatus.DRAFT,
                "Only a draft invoice can be discounted; correct an issued one with a credit note");
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Text.required("reason", command.reason(), REASON_LENGTH));
        Money amount = null;
        if ((command.percent() == null) == (command.amount() == null)) {
            violations.reject("percent", "give a percentage or an amount, exactly one");
        } else if (command.percent() != null) {
            if (command.percent().signum() <= 0 || command.percent().compareTo(HUNDRED) > 0) {
                violations.reject("percent", "must be more than 0 and at most 100");
            } else {
                amount = gross.times(command.percent().movePointLeft(2));
            }
        } else if (command.amount().amount().signum() <= 0 || command.amount().compareTo(gross) > 0) {
            violations.reject("amount", "must be more than 0 and at most the invoice's gross " + gross);
        } else {
            amount = command.amount();
        }
        violations.throwIfAny();
        Money limit = gross.times(policy.discountLimitPercent().movePointLeft(2));
        boolean approver = policy.approves(role);
        if (amount.compareTo(limit) > 0 && !approver) {
            throw forbidden("A discount above "
                    + policy.discountLimitPercent().stripTrailingZeros().toPlainString() + "% needs an approver ("
                    + String.join(", ", policy.approverRoles()) + ")");
        }
        if (amount.equals(discount)) {
            return;
        }
        apply(new InvoiceDiscounted(
                patientId, invoiceId, command.percent(), amount, reason, approver ? username : null));
    }

    @CommandHandler
    void handle(IssueInvoice command) {
        if (status == InvoiceStatus.ISSUED) {
            return;
        }
        requireStatus(InvoiceStatus.DRAFT, "A void invoice cannot be issued");
        apply(new InvoiceIssued(patientId, invoiceId, total()));
    }

    // --- payments ---

    @CommandHandler
    RecordedPayment handle(
            RecordPayment command,
            BillingRegistry registry,
            Clock clock,
            @MetaDataValue(MetadataKeys.USERNAME) String username) {
        if (command.paymentId() != null && paymentIds.contains(command.paymentId())) {
            return new RecordedPayment(command.paymentId(), Money.ZERO, due());
        }
        Violations violations = new Violations();
        if (command.paymentId() == null) {
            violations.reject("paymentId", "is required");
        }
        if (command.method() == null) {
            violations.reject("method", "is required");
        } else if (command.method() == PaymentMethod.DEPOSIT) {
            violations.reject("method", "a deposit is not taken at the counter");
        }
        String reference = Text.clean(command.reference());
        if (reference != null && reference.length() > REFERENCE_LENGTH) {
            violations.reject("reference", "at most " + REFERENCE_LENGTH + " characters");
        }
        if (command.method() != null && command.method().mobile() && reference == null) {
            violations.reject("reference", "the provider's transaction id is required for " + command.method());
        }
        if (command.method() == PaymentMethod.CASH && reference != null) {
            violations.reject("reference", "cash has no reference");
        }
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            violations.reject("amount", "must be more than 0");
        }
        Money change = Money.ZERO;
        if (command.tendered() != null) {
            if (command.method() != PaymentMethod.CASH) {
                violations.reject("tendered", "only cash is tendered");
            } else if (command.amount() != null && command.tendered().compareTo(command.amount()) < 0) {
                violations.reject("tendered", "is less than the amount");
            } else if (command.amount() != null) {
                change = command.tendered().minus(command.amount());
            }
        }
        violations.throwIfAny();
        RecordedPayment earlier = earlierWithReference(registry, command.method(), reference);
        if (earlier != null) {
            return earlier;
        }
        return pay(
                command.paymentId(),
                command.method(),
                command.amount(),
                command.method() == PaymentMethod.CASH
                        ? (command.tendered() == null ? command.amount() : command.tendered())
                        : null,
                change,
                reference,
                username,
                clock.instant());
    }

    @CommandHandler
    RecordedPayment handle(ConfirmOnlinePayment command, BillingRegistry registry, Clock clock) {
        Violations violations = new Violations();
        if (command.paymentId() == null) {
            violations.reject("paymentId", "is required");
        }
        if (command.provider() == null
                || command.provider() == PaymentMethod.CASH
                || command.provider() == PaymentMethod.DEPOSIT) {
            violations.reject("provider", "must be a card gateway or a mobile financial service");
        }
        String reference = Text.clean(command.providerTransactionId());
        if (reference == null || reference.length() > REFERENCE_LENGTH) {
            violations.reject("providerTransactionId", "is required, at most " + REFERENCE_LENGTH + " characters");
        }
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            violations.reject("amount", "must be more than 0");
        }
        violations.throwIfAny();
        RecordedPayment earlier = earlierWithReference(registry, command.provider(), reference);
        if (earlier != null) {
            return earlier;
        }
        if (paymentIds.contains(command.paymentId())) {
            return new RecordedPayment(command.paymentId(), Money.ZERO, due());
        }
        Instant paidAt = command.paidAt() == null || command.paidAt().isAfter(clock.instant())
                ? clock.instant()
                : command.paidAt();
        return pay(
                command.paymentId(),
                command.provider(),
                command.amount(),
                null,
                Money.ZERO,
                reference,
                "online",
                paidAt);
    }

    /** Pays from the patient's deposits (the account is debited in the same unit of work by DepositPayments). */
    RecordedPayment payFromDeposit(UUID paymentId, Money amount, String username, Instant now) {
        if (paymentIds.contains(paymentId)) {
            return new RecordedPayment(paymentId, Money.ZERO, due());
        }
        return pay(paymentId, PaymentMethod.DEPOSIT, amount, null, Money.ZERO, null, username, now);
    }

    PatientId patientId() {
        return patientId;
    }

    /** The payment already recorded with this provider transaction id: here, quietly; elsewhere, CONFLICT. */
    private RecordedPayment earlierWithReference(BillingRegistry registry, PaymentMethod method, String reference) {
        if (reference == null || method == PaymentMethod.CASH) {
            return null;
        }
        PaymentReference earlier =
                registry.paymentWithReference(method, reference).orElse(null);
        if (earlier == null) {
            return null;
        }
        if (invoiceId.equals(earlier.invoiceId())) {
            return new RecordedPayment(earlier.paymentId(), Money.ZERO, due());
        }
        throw CarelogException.conflict(
                "This " + method + " transaction was already recorded on another invoice",
                earlier.invoiceId() == null
                        ? Map.of()
                        : Map.of("invoiceId", earlier.invoiceId().toString()));
    }

    private RecordedPayment pay(
            UUID paymentId,
            PaymentMethod method,
            Money amount,
            Money tendered,
            Money change,
            String reference,
            String cashier,
            Instant paidAt) {
        if (status == InvoiceStatus.VOID) {
            throw CarelogException.conflict("The invoice is void", Map.of("invoiceId", invoiceId.toString()));
        }
        Money due = due();
        if (amount.compareTo(due) > 0) {
            throw CarelogException.conflict(
                    "The payment is more than is due (" + due + ")",
                    Map.of("due", due.amount().toPlainString()));
        }
        if (status == InvoiceStatus.DRAFT) {
            apply(new InvoiceIssued(patientId, invoiceId, total()));
        }
        apply(new PaymentRecorded(
                patientId, invoiceId, paymentId, method, amount, tendered, change, reference, cashier, paidAt));
        return new RecordedPayment(paymentId, change, due());
    }

    @CommandHandler
    void handle(
            RefundPayment command,
            BillingPolicy policy,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        if (command.refundId() != null && refundIds.contains(command.refundId())) {
            return;
        }
        requireApprover(policy, role, "refund");
        Violations violations = new Violations();
        if (command.refundId() == null) {
            violations.reject("refundId", "is required");
        }
        if (command.method() == null || command.method() == PaymentMethod.DEPOSIT) {
            violations.reject("method", "how the money goes back is required");
        }
        String reason = violations.check("reason", () -> Text.required("reason", command.reason(), REASON_LENGTH));
        if (command.amount() == null || command.amount().amount().signum() <= 0) {
            violations.reject("amount", "must be more than 0");
        }
        violations.throwIfAny();
        Money refundable = paid.minus(refunded);
        if (command.amount().compareTo(refundable) > 0) {
            throw CarelogException.conflict(
                    "A refund is at most what was paid (" + refundable + " left)",
                    Map.of("refundable", refundable.amount().toPlainString()));
        }
        apply(new PaymentRefunded(
                patientId, invoiceId, command.refundId(), command.method(), command.amount(), reason, username));
    }

    // --- corrections ---

    @CommandHandler
    void handle(
            VoidInvoice command,
            BillingPolicy policy,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        if (status == InvoiceStatus.VOID) {
            return;
        }
        requireApprover(policy, role, "void");
        String reason = Text.required("reason", command.reason(), REASON_LENGTH);
        if (paid.minus(refunded).amount().signum() != 0) {
            throw CarelogException.conflict(
                    "Something is paid on this invoice: refund it or issue a credit note instead",
                    Map.of("paid", paid.minus(refunded).amount().toPlainString()));
        }
        apply(new InvoiceVoided(patientId, invoiceId, reason, username));
    }

    @CommandHandler
    void handle(
            IssueCreditNote command,
            BillingPolicy policy,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role) {
        requireApprover(policy, role, "credit note");
        requireStatus(InvoiceStatus.ISSUED, "Only an issued invoice takes a credit note (a draft can be changed)");
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Text.required("reason", command.reason(), REASON_LENGTH));
        Money creditable = total().minus(credited);
        if (command.amount() == null
                || command.amount().amount().signum() <= 0
                || command.amount().compareTo(creditable) > 0) {
            violations.reject("amount", "must be more than 0 and at most " + creditable);
        }
        violations.throwIfAny();
        apply(new CreditNoteIssued(
                patientId, invoiceId, number + "-CN" + (creditNotes + 1), command.amount(), reason, username));
    }

    // --- rules ---

    /** The invoice's total: lines with tax, less the discount. */
    private Money total() {
        return gross.minus(discount);
    }

    /** What is still to pay: total less credit notes less what was paid net of refunds; never below zero. */
    private Money due() {
        if (status == InvoiceStatus.VOID) {
            return Money.ZERO;
        }
        Money due = total().minus(credited).minus(paid.minus(refunded));
        return due.negative() ? Money.ZERO : due;
    }

    private void requireStatus(InvoiceStatus wanted, String message) {
        if (status != wanted) {
            throw CarelogException.conflict(message, Map.of("status", String.valueOf(status)));
        }
    }

    private static void requireApprover(BillingPolicy policy, String role, String what) {
        if (!policy.approves(role)) {
            throw forbidden("A " + what + " needs an approver (" + String.join(", ", policy.approverRoles()) + ")");
        }
    }

    private static CarelogException forbidden(String message) {
        return new CarelogException(new CarelogError(ErrorCode.FORBIDDEN, message, null, null));
    }

    // --- state ---

    @EventSourcingHandler
    void on(InvoiceGenerated event) {
        invoiceId = event.invoiceId();
        patientId = event.patientId();
        number = event.number();
        status = InvoiceStatus.DRAFT;
        for (InvoiceCharge charge : event.charges()) {
            chargeKeys.add(charge.chargeKey());
            gross = gross.plus(charge.total());
        }
    }

    @EventSourcingHandler
    void on(InvoiceDiscounted event) {
        discount = event.amount();
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        status = InvoiceStatus.ISSUED;
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        paymentIds.add(event.paymentId());
        paid = paid.plus(event.amount());
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        refundIds.add(event.refundId());
        refunded = refunded.plus(event.amount());
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        creditNotes++;
        credited = credited.plus(event.amount());
    }

    @EventSourcingHandler
    void on(InvoiceVoided event) {
        status = InvoiceStatus.VOID;
    }
}
