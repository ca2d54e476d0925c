package org.carelog.projection.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.common.Money;

/**
 * The billing read model: each invoice's {@link InvoiceView} with what lists filter by, and the cash entries
 * (payments and refunds). Written in batches by the projector; read by cashiers, the cash book and revenue
 * reports. Implemented in infra over tables {@code billing_invoice} and {@code billing_cash_entry}.
 */
public interface BillingStore {

    Optional<InvoiceView> find(UUID invoiceId);

    Optional<InvoiceView> findByNumber(String number);

    /** A patient's invoices, newest first. */
    List<InvoiceView> ofPatient(UUID patientId);

    /** Invoices not void with something due, oldest first. */
    List<InvoiceView> receivables(int limit);

    Map<UUID, InvoiceView> load(Collection<UUID> invoiceIds);

    /** Inserts or replaces these invoices and inserts these cash entries (once per id), in one batch. */
    void save(Collection<InvoiceView> invoices, Collection<CashEntry> entries);

    /** What the patient's deposits still hold: received less applied to invoices. */
    Money depositBalance(UUID patientId);

    /** A cashier's cash entries in [from, to), in order; payments from deposits (no cash moved) left out. */
    List<CashEntry> cashEntries(String cashier, Instant from, Instant to);

    /** The cashier's totals in [from, to) per method and kind (PAYMENT, REFUND, DEPOSIT), summed in the database. */
    List<MethodSum> cashTotals(String cashier, Instant from, Instant to);

    record MethodSum(org.carelog.api.billing.PaymentMethod method, String kind, Money amount) {}

    /** The cashier's net cash (payments and deposits less refunds) before {@code before}: the opening balance. */
    Money cashBefore(String cashier, Instant before);

    /** Revenue per local day, department and practitioner over [from, to). */
    List<RevenueRow> revenue(Instant from, Instant to, ZoneId zone);

    void deleteAll();

    /**
     * Revenue of a day, department and practitioner (either may be null: counter sales).
     *
     * @param invoiced totals of invoices issued that day (not void), less their credit notes
     * @param collected payments less refunds taken that day
     */
    record RevenueRow(LocalDate day, UUID departmentId, UUID practitionerId, Money invoiced, Money collected) {}
}
