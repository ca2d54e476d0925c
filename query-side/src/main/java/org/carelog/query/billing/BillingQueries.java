package org.carelog.query.billing;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.InvoiceStatus;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.carelog.api.patient.PatientId;
import org.carelog.projection.billing.BillingStore;
import org.carelog.projection.billing.BillingStore.MethodSum;
import org.carelog.projection.billing.BillingStore.RevenueRow;
import org.carelog.projection.billing.CashEntry;
import org.carelog.projection.billing.InvoiceView;
import org.carelog.query.billing.BillingViews.CashBookView;
import org.carelog.query.billing.BillingViews.MethodTotalView;
import org.carelog.query.billing.BillingViews.PatientBalanceView;
import org.carelog.query.billing.BillingViews.ReceivableView;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.carelog.query.portal.CurrentPatient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing reads for cashiers (BILLING) and administrators: invoices (what a line was for is health data, so
 * each read of a patient's invoices is access-logged), receivables, the cash book and revenue (amounts only).
 */
@Controller
class BillingQueries {

    static final String CASHIERS = "hasAnyRole('BILLING', 'ADMIN')";
    static final int MAX_LIST = 500;
    static final int MAX_REVENUE_DAYS = 366;

    private final BillingStore store;
    private final ClinicalAccessLog accessLog;
    private final Clock clock;

    BillingQueries(BillingStore store, ClinicalAccessLog accessLog, Clock clock) {
        this.store = store;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize(CASHIERS)
    @Transactional
    InvoiceView invoice(@Argument String id, DataFetchingEnvironment env) {
        return logged(store.find(InvoiceId.parse("id", id).value()).orElse(null), env);
    }

    @QueryMapping
    @PreAuthorize(CASHIERS)
    @Transactional
    InvoiceView invoiceByNumber(@Argument String number, DataFetchingEnvironment env) {
        String wanted = Text.required("number", number, 30).toUpperCase(java.util.Locale.ROOT);
        return logged(store.findByNumber(wanted).orElse(null), env);
    }

    @QueryMapping
    @PreAuthorize(CASHIERS)
    @Transactional
    List<InvoiceView> patientInvoices(@Argument String patientId, DataFetchingEnvironment env) {
        PatientId patient = PatientId.parse("patientId", patientId);
        accessLog.recordRead(patient, "billing.invoices", env);
        return store.ofPatient(patient.value());
    }

    /**
     * The signed-in patient's invoices (never drafts: an invoice reaches the patient once issued), newest
     * first; access-logged as the patient, since the lines say what care was given.
     */
    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    List<InvoiceView> myInvoices(DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        accessLog.recordRead(me, "portal.invoices", env);
        return store.ofPatient(me.value()).stream()
                .filter(invoice -> invoice.status() != InvoiceStatus.DRAFT)
                .toList();
    }

    @QueryMapping
    @PreAuthorize(CASHIERS)
    PatientBalanceView patientBalance(@Argument String patientId) {
        PatientId patient = PatientId.parse("patientId", patientId);
        Money due = Money.ZERO;
        Money refundable = Money.ZERO;
        int open = 0;
        for (InvoiceView invoice : store.ofPatient(patient.value())) {
            if (invoice.status() == InvoiceStatus.VOID) {
                continue;
            }
            due = due.plus(invoice.due());
            Money over = invoice.refundable().minus(invoice.total().minus(invoice.credited()));
            if (!over.negative()) {
                refundable = refundable.plus(over);
            }
            if (invoice.due().amount().signum() > 0) {
                open++;
            }
        }
        return new PatientBalanceView(patient.value(), due, refundable, store.depositBalance(patient.value()), open);
    }

    @QueryMapping
    @PreAuthorize(CASHIERS)
    List<ReceivableView> receivables(@Argument Integer first) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_LIST) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_LIST);
        }
        Instant now = clock.instant();
        return store.receivables(limit).stream()
                .map(i -> new ReceivableView(
                        i.invoiceId(),
                        i.number(),
                        i.patientId(),
                        i.generatedAt(),
                        i.total(),
                        i.due(),
                        Duration.between(i.generatedAt(), now).toDays()))
                .toList();
    }

    /** A cashier's day (the signed-in cashier's own; administrators may read anyone's). */
    @QueryMapping
    @PreAuthorize(CASHIERS)
    CashBookView cashBook(@Argument String cashier, @Argument LocalDate date, DataFetchingEnvironment env) {
        var user = SecurityContextHolder.getContext().getAuthentication();
        String whose = cashier == null || cashier.isBlank() ? user.getName() : cashier.strip();
        boolean admin =
                user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!whose.equals(user.getName()) && !admin) {
            throw new CarelogException(new CarelogError(
                    ErrorCode.FORBIDDEN, "Only administrators read another cashier's book", null, null));
        }
        ZoneId zone = clock.getZone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Money opening = store.cashBefore(whose, from);
        if (!env.getSelectionSet().contains("entries")) {
            // Totals only (the closing figure, a dashboard): summed in the database, not row by row here.
            return totals(whose, date, opening, store.cashTotals(whose, from, to));
        }
        List<CashEntry> entries = store.cashEntries(whose, from, to);
        return cashBook(whose, date, opening, entries);
    }

    static CashBookView totals(String cashier, LocalDate date, Money opening, List<MethodSum> sums) {
        Money received = Money.ZERO;
        Money refunded = Money.ZERO;
        Map<PaymentMethod, Money[]> byMethod = new EnumMap<>(PaymentMethod.class);
        for (MethodSum sum : sums) {
            Money[] totals = byMethod.computeIfAbsent(sum.method(), m -> new Money[] {Money.ZERO, Money.ZERO});
            if ("REFUND".equals(sum.kind())) {
                refunded = refunded.plus(sum.amount());
                totals[1] = totals[1].plus(sum.amount());
            } else {
                received = received.plus(sum.amount());
                totals[0] = totals[0].plus(sum.amount());
            }
        }
        return new CashBookView(
                cashier,
                date,
                opening,
                List.of(),
                received,
                refunded,
                opening.plus(received).minus(refunded),
                methods(byMethod));
    }

    private static List<MethodTotalView> methods(Map<PaymentMethod, Money[]> byMethod) {
        return byMethod.entrySet().stream()
                .map(e -> new MethodTotalView(
                        e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[0].minus(e.getValue()[1])))
                .toList();
    }

    static CashBookView cashBook(String cashier, LocalDate date, Money opening, List<CashEntry> entries) {
        Money received = Money.ZERO;
        Money refunded = Money.ZERO;
        Map<PaymentMethod, Money[]> byMethod = new EnumMap<>(PaymentMethod.class);
        for (CashEntry entry : entries) {
            Money[] totals = byMethod.computeIfAbsent(entry.method(), m -> new Money[] {Money.ZERO, Money.ZERO});
            if ("REFUND".equals(entry.kind())) {
                refunded = refunded.plus(entry.amount());
                totals[1] = totals[1].plus(entry.amount());
            } else {
                received = received.plus(entry.amount());
                totals[0] = totals[0].plus(entry.amount());
            }
        }
        return new CashBookView(
                cashier,
                date,
                opening,
                entries,
                received,
                refunded,
                opening.plus(received).minus(refunded),
                methods(byMethod));
    }

    @QueryMapping
    @PreAuthorize(CASHIERS)
    List<RevenueRow> revenue(@Argument LocalDate from, @Argument LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_REVENUE_DAYS).isBefore(to)) {
            throw CarelogException.validation("to", "must be on or after from, within " + MAX_REVENUE_DAYS + " days");
        }
        ZoneId zone = clock.getZone();
        return store.revenue(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    private InvoiceView logged(InvoiceView invoice, DataFetchingEnvironment env) {
        if (invoice != null) {
            accessLog.recordRead(new PatientId(invoice.patientId()), "billing.invoice", env);
        }
        return invoice;
    }
}
