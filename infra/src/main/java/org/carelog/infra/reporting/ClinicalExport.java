package org.carelog.infra.reporting;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The clinical reports as CSV, with the report filter as query parameters: {@code /reports/diagnoses.csv}
 * (counts per day, department, code, sex and age group), {@code /reports/prescriptions.csv} (per day, department and
 * medicine) and {@code /reports/lab-orders.csv} (one row per order, cancelled ones left out as in labReport). Counts
 * and orders only: never a patient id.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class ClinicalExport {

    private final CsvReports csv;

    ClinicalExport(CsvReports csv) {
        this.csv = csv;
    }

    @GetMapping("/reports/diagnoses.csv")
    ResponseEntity<StreamingResponseBody> diagnoses(ReportFilterInput filter) {
        return csv.export("diagnoses", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("d", true, false);
            return new CsvReports.Query(
                    "select d.day, d.department_id, d.system, d.code, coalesce(d.chapter, 'UNCODED') as chapter,"
                            + " d.sex, d.age_group, count(*) as count from report_diagnosis d" + where.sql()
                            + " and not d.retracted group by d.day, d.department_id, d.system, d.code,"
                            + " coalesce(d.chapter, 'UNCODED'), d.sex, d.age_group"
                            + " order by d.day, d.department_id, d.system, d.code, d.sex, d.age_group",
                    where.args());
        });
    }

    @GetMapping("/reports/prescriptions.csv")
    ResponseEntity<StreamingResponseBody> prescriptions(ReportFilterInput filter) {
        return csv.export("prescriptions", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("p", true, false);
            return new CsvReports.Query(
                    "select p.day, p.department_id, p.medicine, count(distinct p.prescription_id) as prescriptions,"
                            + " count(*) as items from report_prescription_item p" + where.sql()
                            + " group by p.day, p.department_id, p.medicine order by p.day, p.department_id,"
                            + " p.medicine",
                    where.args());
        });
    }

    @GetMapping("/reports/lab-orders.csv")
    ResponseEntity<StreamingResponseBody> labOrders(ReportFilterInput filter) {
        return csv.export("lab-orders", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("l", true, false);
            return new CsvReports.Query(
                    "select l.day, l.department_id, l.kind, l.code, l.name, l.ordered_at, l.verified_at,"
                            + " round((extract(epoch from l.verified_at - l.ordered_at) / 3600.0)::numeric, 2)"
                            + " as turnaround_hours, l.flag from report_lab_order l" + where.sql()
                            + " and not l.cancelled order by l.day, l.ordered_at, l.order_id",
                    where.args());
        });
    }
}
