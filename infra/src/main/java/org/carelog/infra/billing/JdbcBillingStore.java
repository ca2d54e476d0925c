package org.carelog.infra.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;
import org.carelog.projection.billing.BillingStore;
import org.carelog.projection.billing.CashEntry;
import org.carelog.projection.billing.InvoiceView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The billing read model: {@code billing_invoice} (each invoice's {@link InvoiceView} as JSON, with the columns
 * lists filter by) and {@code billing_cash_entry} (one row per payment or refund).
 */
@Component
class JdbcBillingStore implements BillingStore {

    private static final String ENTRY_COLUMNS = "entry_id, invoice_id, invoice_number, patient_id, kind, method,"
            + " amount, reference, cashier, at, department_id, practitioner_id";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    JdbcBillingStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    @Override
    public Optional<InvoiceView> find(UUID invoiceId) {
        return jdbc
                .query(
                        "select document from billing_invoice where invoice_id = ?",
                        (rs, n) -> read(rs.getString(1)),
                        invoiceId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<InvoiceView> findByNumber(String number) {
        return jdbc
                .query(
                        "select document from billing_invoice where number = ?",
                        (rs, n) -> read(rs.getString(1)),
                        number)
                .stream()
                .findFirst();
    }

    @Override
    public List<InvoiceView> ofPatient(UUID patientId) {
        return jdbc.query(
                "select document from billing_invoice where patient_id = ? order by generated_at desc, invoice_id",
                (rs, n) -> read(rs.getString(1)),
                patientId);
    }

    @Override
    public List<InvoiceView> receivables(int limit) {
        return jdbc.query(
                "select document from billing_invoice where status <> 'VOID' and due > 0"
                        + " order by generated_at, invoice_id limit ?",
                (rs, n) -> read(rs.getString(1)),
                limit);
    }

    @Override
    public Map<UUID, InvoiceView> load(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        return named
                .query(
                        "select document from billing_invoice where invoice_id in (:ids)",
                        new MapSqlParameterSource("ids", invoiceIds),
                        (rs, n) -> read(rs.getString(1)))
                .stream()
                .collect(Collectors.toMap(InvoiceView::invoiceId, Function.identity()));
    }

    @Override
    public void save(Collection<InvoiceView> invoices, Collection<CashEntry> entries) {
        if (!invoices.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into billing_invoice (invoice_id, number, patient_id, status, due, generated_at, issued_at,"
                            + " department_id, practitioner_id, total, credited, document)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (invoice_id) do update set"
                            + " status = excluded.status, due = excluded.due, issued_at = excluded.issued_at,"
                            + " total = excluded.total, credited = excluded.credited, document = excluded.document",
                    invoices.stream()
                            .map(v -> new Object[] {
                                v.invoiceId(),
                                v.number(),
                                v.patientId(),
                                v.status().name(),
                                v.due().amount(),
                                Timestamp.from(v.generatedAt()),
                                v.issuedAt() == null ? null : Timestamp.from(v.issuedAt()),
                                v.departmentId(),
                                v.practitionerId(),
                                v.total().amount(),
                                v.credited().amount(),
                                write(v)
                            })
                            .toList());
        }
        if (!entries.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into billing_cash_entry (" + ENTRY_COLUMNS + ")"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (entry_id) do nothing",
                    entries.stream()
                            .map(e -> new Object[] {
                                e.id(),
                                e.invoiceId(),
                                e.invoiceNumber(),
                                e.patientId(),
                                e.kind(),
                                e.method().name(),
                                e.amount().amount(),
                                e.reference(),
                                e.cashier(),
                                Timestamp.from(e.at()),
                                e.departmentId(),
                                e.practitionerId()
                            })
                            .toList());
        }
    }

    @Override
    public List<CashEntry> cashEntries(String cashier, Instant from, Instant to) {
        return jdbc.query(
                "select " + ENTRY_COLUMNS + " from billing_cash_entry where cashier = ? and at >= ? and at < ?"
                        + " and method <> 'DEPOSIT' order by at, entry_id",
                JdbcBillingStore::entry,
                cashier,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    @Override
    public List<MethodSum> cashTotals(String cashier, Instant from, Instant to) {
        return jdbc.query(
                "select method, kind, sum(amount) from billing_cash_entry where cashier = ? and at >= ? and at < ?"
                        + " and method <> 'DEPOSIT' group by method, kind order by method, kind",
                (rs, n) -> new MethodSum(
                        PaymentMethod.valueOf(rs.getString(1)), rs.getString(2), new Money(rs.getBigDecimal(3))),
                cashier,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    @Override
    public Money cashBefore(String cashier, Instant before) {
        return new Money(jdbc.queryForObject(
                "select coalesce(sum(case when kind = 'REFUND' then -amount else amount end), 0)"
                        + " from billing_cash_entry where cashier = ? and at < ? and method <> 'DEPOSIT'",
                java.math.BigDecimal.class,
                cashier,
                Timestamp.from(before)));
    }

    @Override
    public Money depositBalance(UUID patientId) {
        return new Money(jdbc.queryForObject(
                "select coalesce(sum(case when kind = 'DEPOSIT' then amount else -amount end), 0)"
                        + " from billing_cash_entry where patient_id = ? and (kind = 'DEPOSIT' or method = 'DEPOSIT')",
                java.math.BigDecimal.class,
                patientId));
    }

    @Override
    public List<RevenueRow> revenue(Instant from, Instant to, ZoneId zone) {
        return jdbc.query(
                "with invoiced as ("
                        + " select (issued_at at time zone ?)::date as day, department_id, practitioner_id,"
                        + " sum(total - credited) as amount from billing_invoice"
                        + " where status = 'ISSUED' and issued_at >= ? and issued_at < ?"
                        + " group by 1, 2, 3),"
                        + " collected as ("
                        + " select (at at time zone ?)::date as day, department_id, practitioner_id,"
                        + " sum(case when kind = 'REFUND' then -amount else amount end) as amount"
                        + " from billing_cash_entry where at >= ? and at < ? and kind <> 'DEPOSIT' group by 1, 2, 3)"
                        + " select coalesce(i.day, c.day), coalesce(i.department_id, c.department_id),"
                        + " coalesce(i.practitioner_id, c.practitioner_id), coalesce(i.amount, 0), coalesce(c.amount, 0)"
                        + " from invoiced i full join collected c on i.day = c.day"
                        + " and i.department_id is not distinct from c.department_id"
                        + " and i.practitioner_id is not distinct from c.practitioner_id"
                        + " order by 1, 2 nulls last, 3 nulls last",
                (rs, n) -> new RevenueRow(
                        rs.getObject(1, java.time.LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        new Money(rs.getBigDecimal(4)),
                        new Money(rs.getBigDecimal(5))),
                zone.getId(),
                Timestamp.from(from),
                Timestamp.from(to),
                zone.getId(),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    @Override
    public void deleteAll() {
        jdbc.update("delete from billing_cash_entry");
        jdbc.update("delete from billing_invoice");
    }

    private static CashEntry entry(ResultSet rs, int n) throws SQLException {
        return new CashEntry(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                PaymentMethod.valueOf(rs.getString(6)),
                new Money(rs.getBigDecimal(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getObject(11, UUID.class),
                rs.getObject(12, UUID.class));
    }

    private InvoiceView read(String document) {
        try {
            return json.readValue(document, InvoiceView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable billing_invoice document", e);
        }
    }

    private String write(InvoiceView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write billing_invoice document", e);
        }
    }
}
