package org.carelog.infra.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.Money;
import org.carelog.infra.reporting.FinanceFigures.Ageing;
import org.carelog.infra.reporting.FinanceFigures.Bucket;
import org.carelog.infra.reporting.FinanceFigures.Outstanding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the finance reports from their projection (V27), with billing's definitions: invoiced is the totals of
 * invoices issued in the period (not void) less their credit notes, on the day of issue; collected is payments
 * less refunds taken in the period; deposits received are not revenue (applied to an invoice they are a payment of
 * method DEPOSIT). Each figure's rows are a subquery exposing {@code day}, {@code department_id} and
 * {@code practitioner_id}, so {@link ReportFilter#condition} narrows them all alike.
 */
@Component
class FinanceReports {

    /** Issued invoices (the day of issue) with the sum of their credit notes. */
    static final String ISSUED = "(select i.invoice_id, i.number, i.day, i.department_id, i.practitioner_id, i.total,"
            + " coalesce((select sum(c.amount) from report_finance_entry c where c.invoice_id = i.invoice_id"
            + " and c.kind = 'CREDIT'), 0) as credited from report_finance_invoice i where i.status = 'ISSUED') v";

    /** Money movements (payments, refunds, deposits, credit notes) with their invoice's place. */
    static final String MOVES = "(select e.entry_id, e.kind, e.invoice_id, e.method, e.amount, e.day, e.at, e.by_user,"
            + " e.reference, i.number, i.department_id, i.practitioner_id from report_finance_entry e"
            + " left join report_finance_invoice i on i.invoice_id = e.invoice_id) m";

    /** Lines of issued invoices (the day of issue). */
    static final String LINES = "(select l.invoice_id, l.category, l.code, l.quantity, l.net, l.tax, l.total, i.day,"
            + " i.department_id, i.practitioner_id from report_finance_line l join report_finance_invoice i"
            + " on i.invoice_id = l.invoice_id where i.status = 'ISSUED') s";

    /** Discounts in force (not replaced) on invoices not void, on the day they were given. */
    static final String DISCOUNTS =
            "(select d.event_id, d.invoice_id, d.sequence, d.day, d.at, d.given_by, d.role, d.approved_by,"
                    + " d.percent, d.amount, d.reason, i.number, i.department_id, i.practitioner_id"
                    + " from report_finance_discount d join report_finance_invoice i on i.invoice_id = d.invoice_id"
                    + " where not d.superseded and i.status <> 'VOID') d";

    /** What the report's totals and sections read from: the parsed filter (and its days, for the schema). */
    record FinanceReportView(LocalDate from, LocalDate to, ReportFilter filter) {
        FinanceReportView(ReportFilter filter) {
            this(filter.from(), filter.to(), filter);
        }
    }

    record Totals(int invoices, Money invoiced, Money collected) {}

    record DepartmentRevenue(UUID departmentId, int invoices, Money invoiced, Money collected) {}

    record PractitionerRevenue(UUID practitionerId, int invoices, Money invoiced, Money collected) {}

    record ServiceRevenue(
            String category, String code, int quantity, int invoices, Money net, Money tax, Money total) {}

    record MethodRevenue(String method, int payments, Money received, int refunds, Money refunded, Money net) {}

    record MethodAmount(String method, int count, Money amount) {}

    record Deposits(int count, Money amount, List<MethodAmount> byMethod) {}

    record DiscountByUser(String username, String role, int count, Money amount) {}

    record DiscountByReason(String reason, int count, Money amount) {}

    record Discounts(int count, Money amount, List<DiscountByUser> byUser, List<DiscountByReason> byReason) {}

    record Refunds(int count, Money amount, List<MethodAmount> byMethod) {}

    record ReceivablesAgeing(LocalDate asOf, Money outstanding, int invoices, List<Bucket> buckets) {}

    private final JdbcTemplate jdbc;

    FinanceReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Totals totals(ReportFilter filter) {
        Money invoiced = Money.ZERO;
        Money collected = Money.ZERO;
        int invoices = 0;
        for (DepartmentRevenue row : byDepartment(filter)) {
            invoiced = invoiced.plus(row.invoiced());
            collected = collected.plus(row.collected());
            invoices += row.invoices();
        }
        return new Totals(invoices, invoiced, collected);
    }

    List<DepartmentRevenue> byDepartment(ReportFilter filter) {
        return revenueBy("department_id", filter).entrySet().stream()
                .map(e -> new DepartmentRevenue(
                        e.getKey(), e.getValue().invoices, e.getValue().invoiced, e.getValue().collected))
                .toList();
    }

    List<PractitionerRevenue> byPractitioner(ReportFilter filter) {
        return revenueBy("practitioner_id", filter).entrySet().stream()
                .map(e -> new PractitionerRevenue(
                        e.getKey(), e.getValue().invoices, e.getValue().invoiced, e.getValue().collected))
                .toList();
    }

    private static final class Revenue {
        int invoices;
        Money invoiced = Money.ZERO;
        Money collected = Money.ZERO;
    }

    /** Invoiced and collected per value of {@code column}; the null group (counter sales without one) last. */
    private Map<UUID, Revenue> revenueBy(String column, ReportFilter filter) {
        Map<UUID, Revenue> groups = new java.util.TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        ReportFilter.Condition issued = filter.condition("v", true, false);
        jdbc.query(
                "select v." + column + ", count(*), sum(v.total - v.credited) from " + ISSUED + issued.sql()
                        + " group by 1",
                rs -> {
                    Revenue revenue = groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> new Revenue());
                    revenue.invoices = rs.getInt(2);
                    revenue.invoiced = money(rs, 3);
                },
                issued.args().toArray());
        ReportFilter.Condition moves = filter.condition("m", true, false);
        jdbc.query(
                "select m." + column + ", sum(case when m.kind = 'REFUND' then -m.amount else m.amount end) from "
                        + MOVES + moves.sql() + " and m.kind in ('PAYMENT', 'REFUND') group by 1",
                rs -> {
                    groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> new Revenue()).collected = money(rs, 2);
                },
                moves.args().toArray());
        return groups;
    }

    List<ServiceRevenue> byService(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition("s", true, false);
        return jdbc.query(
                "select s.category, s.code, sum(s.quantity), count(distinct s.invoice_id), sum(s.net), sum(s.tax),"
                        + " sum(s.total) from " + LINES + where.sql()
                        + " group by s.category, s.code order by s.category, s.code nulls last",
                (rs, n) -> new ServiceRevenue(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        money(rs, 5),
                        money(rs, 6),
                        money(rs, 7)),
                where.args().toArray());
    }

    List<MethodRevenue> byPaymentMethod(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition("m", true, false);
        return jdbc.query(
                "select m.method, count(*) filter (where m.kind = 'PAYMENT'),"
                        + " coalesce(sum(m.amount) filter (where m.kind = 'PAYMENT'), 0),"
                        + " count(*) filter (where m.kind = 'REFUND'),"
                        + " coalesce(sum(m.amount) filter (where m.kind = 'REFUND'), 0) from " + MOVES + where.sql()
                        + " and m.kind in ('PAYMENT', 'REFUND') group by m.method order by m.method",
                (rs, n) -> {
                    Money received = money(rs, 3);
                    Money refunded = money(rs, 5);
                    return new MethodRevenue(
                            rs.getString(1), rs.getInt(2), received, rs.getInt(4), refunded, received.minus(refunded));
                },
                where.args().toArray());
    }

    /** Deposits received: they belong to no department or practitioner, so null when either filter is set. */
    Deposits deposits(ReportFilter filter) {
        if (filter.departmentId() != null || filter.practitionerId() != null) {
            return null;
        }
        List<MethodAmount> byMethod = methodAmounts(filter, "DEPOSIT");
        return new Deposits(count(byMethod), sum(byMethod), byMethod);
    }

    Refunds refunds(ReportFilter filter) {
        List<MethodAmount> byMethod = methodAmounts(filter, "REFUND");
        return new Refunds(count(byMethod), sum(byMethod), byMethod);
    }

    private List<MethodAmount> methodAmounts(ReportFilter filter, String kind) {
        ReportFilter.Condition where = filter.condition("m", true, false);
        List<Object> args = new ArrayList<>(where.args());
        args.add(kind);
        return jdbc.query(
                "select m.method, count(*), sum(m.amount) from " + MOVES + where.sql()
                        + " and m.kind = ? group by m.method order by m.method",
                (rs, n) -> new MethodAmount(rs.getString(1), rs.getInt(2), money(rs, 3)),
                args.toArray());
    }

    Discounts discounts(ReportFilter filter) {
        ReportFilter.Condition where = filter.condition("d", true, false);
        List<DiscountByUser> byUser = jdbc.query(
                "select d.given_by, d.role, count(*), sum(d.amount) from " + DISCOUNTS + where.sql()
                        + " group by d.given_by, d.role order by d.given_by nulls last, d.role nulls last",
                (rs, n) -> new DiscountByUser(rs.getString(1), rs.getString(2), rs.getInt(3), money(rs, 4)),
                where.args().toArray());
        List<DiscountByReason> byReason = jdbc.query(
                "select d.reason, count(*), sum(d.amount) from " + DISCOUNTS + where.sql()
                        + " group by d.reason order by 3 desc, d.reason nulls last",
                (rs, n) -> new DiscountByReason(rs.getString(1), rs.getInt(2), money(rs, 3)),
                where.args().toArray());
        int count = byUser.stream().mapToInt(DiscountByUser::count).sum();
        Money amount = byUser.stream().map(DiscountByUser::amount).reduce(Money.ZERO, Money::plus);
        return new Discounts(count, amount, byUser, byReason);
    }

    ReceivablesAgeing receivables(ReportFilter filter) {
        Query query = outstanding(filter, "o.age_days, o.outstanding");
        List<Outstanding> rows = jdbc.query(
                query.sql(),
                (rs, n) -> new Outstanding(rs.getLong(1), money(rs, 2)),
                query.args().toArray());
        Ageing ageing = FinanceFigures.age(rows);
        return new ReceivablesAgeing(filter.to(), ageing.outstanding(), ageing.invoices(), ageing.buckets());
    }

    record Query(String sql, List<Object> args) {}

    /**
     * Invoices with something outstanding at the end of the filter's {@code to} day (its {@code from} plays no
     * part), as billing's receivables: not void by then, total as discounted by then, less credit notes and
     * payments net of refunds up to then; aged in local days from the day generated. Columns of {@code o}:
     * invoice_id, number, generated_day, department_id, practitioner_id, age_days, outstanding.
     */
    static Query outstanding(ReportFilter filter, String columns) {
        List<Object> args = new ArrayList<>();
        LocalDate asOf = filter.to();
        StringBuilder sql = new StringBuilder("select i.invoice_id, i.number, i.generated_day, i.department_id,"
                + " i.practitioner_id, (?::date - i.generated_day) as age_days, i.gross - coalesce((select d.amount"
                + " from report_finance_discount d where d.invoice_id = i.invoice_id and d.day <= ?"
                + " order by d.sequence desc limit 1), 0) - coalesce((select sum(case when e.kind ="
                + " 'REFUND' then -e.amount else e.amount end) from report_finance_entry e where e.invoice_id ="
                + " i.invoice_id and e.kind in ('PAYMENT', 'REFUND', 'CREDIT') and e.day <= ?), 0) as outstanding"
                + " from report_finance_invoice i where i.generated_day <= ?"
                + " and (i.voided_day is null or i.voided_day > ?)");
        args.addAll(List.of(asOf, asOf, asOf, asOf, asOf));
        if (filter.departmentId() != null) {
            sql.append(" and i.department_id = ?");
            args.add(filter.departmentId());
        }
        if (filter.practitionerId() != null) {
            sql.append(" and i.practitioner_id = ?");
            args.add(filter.practitionerId());
        }
        return new Query(
                "select " + columns + " from (" + sql + ") o where o.outstanding > 0 order by o.generated_day,"
                        + " o.number",
                args);
    }

    private static int count(List<MethodAmount> rows) {
        return rows.stream().mapToInt(MethodAmount::count).sum();
    }

    private static Money sum(List<MethodAmount> rows) {
        return rows.stream().map(MethodAmount::amount).reduce(Money.ZERO, Money::plus);
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? Money.ZERO : new Money(amount);
    }
}
