package org.carelog.infra.reporting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The finance reports as CSV, streamed through {@link CsvReports} with the report filter as query parameters:
 * revenue per day, department and practitioner; each payment and refund; each discount in force; the invoices
 * outstanding at the end of the {@code to} day with their age. Invoice numbers, never names; provider references
 * masked to their last four characters.
 */
@RestController
@PreAuthorize(FinanceReportController.READERS)
class FinanceExport {

    private final CsvReports csv;

    FinanceExport(CsvReports csv) {
        this.csv = csv;
    }

    /** Per local day, department and practitioner: issued invoices, invoiced and collected, as billing's revenue. */
    @GetMapping("/reports/finance/revenue.csv")
    ResponseEntity<StreamingResponseBody> revenue(ReportFilterInput filter) {
        return csv.export("revenue", filter, parsed -> {
            ReportFilter.Condition issued = parsed.condition("v", true, false);
            ReportFilter.Condition moves = parsed.condition("m", true, false);
            List<Object> args = new ArrayList<>(issued.args());
            args.addAll(moves.args());
            return new CsvReports.Query(
                    "with invoiced as (select v.day, v.department_id, v.practitioner_id, count(*) as invoices,"
                            + " sum(v.total - v.credited) as amount from " + FinanceReports.ISSUED + issued.sql()
                            + " group by 1, 2, 3), collected as (select m.day, m.department_id, m.practitioner_id,"
                            + " sum(case when m.kind = 'REFUND' then -m.amount else m.amount end) as amount from "
                            + FinanceReports.MOVES + moves.sql() + " and m.kind in ('PAYMENT', 'REFUND')"
                            + " group by 1, 2, 3)"
                            + " select coalesce(i.day, c.day) as day,"
                            + " coalesce(i.department_id, c.department_id) as department_id,"
                            + " coalesce(i.practitioner_id, c.practitioner_id) as practitioner_id,"
                            + " coalesce(i.invoices, 0) as invoices, coalesce(i.amount, 0.00) as invoiced,"
                            + " coalesce(c.amount, 0.00) as collected from invoiced i full join collected c"
                            + " on i.day = c.day and i.department_id is not distinct from c.department_id"
                            + " and i.practitioner_id is not distinct from c.practitioner_id"
                            + " order by 1, 2 nulls last, 3 nulls last",
                    args);
        });
    }

    @GetMapping("/reports/finance/payments.csv")
    ResponseEntity<StreamingResponseBody> payments(ReportFilterInput filter) {
        return csv.export("payments", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("m", true, false);
            return new CsvReports.Query(
                    "select m.day, m.at, m.kind, m.method, m.amount, m.reference, m.by_user as cashier,"
                            + " m.number as invoice_number, m.department_id, m.practitioner_id from "
                            + FinanceReports.MOVES + where.sql() + " and m.kind in ('PAYMENT', 'REFUND')"
                            + " order by m.at, m.entry_id",
                    where.args());
        });
    }

    @GetMapping("/reports/finance/discounts.csv")
    ResponseEntity<StreamingResponseBody> discounts(ReportFilterInput filter) {
        return csv.export("discounts", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("d", true, false);
            return new CsvReports.Query(
                    "select d.day, d.number as invoice_number, d.given_by, d.role, d.approved_by, d.percent,"
                            + " d.amount, d.reason, d.department_id, d.practitioner_id from "
                            + FinanceReports.DISCOUNTS + where.sql() + " order by d.day, d.number, d.sequence",
                    where.args());
        });
    }

    @GetMapping("/reports/finance/receivables.csv")
    ResponseEntity<StreamingResponseBody> receivables(ReportFilterInput filter) {
        return csv.export("receivables", filter, parsed -> {
            FinanceReports.Query outstanding = FinanceReports.outstanding(
                    parsed,
                    "o.number as invoice_number, o.generated_day, o.age_days, "
                            + FinanceFigures.AgeBucket.sqlCase("o.age_days")
                            + " as bucket, o.outstanding, o.department_id, o.practitioner_id");
            return new CsvReports.Query(outstanding.sql(), outstanding.args());
        });
    }
}
