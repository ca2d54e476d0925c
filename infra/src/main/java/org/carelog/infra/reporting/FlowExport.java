package org.carelog.infra.reporting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /reports/flow.csv}: per service point the figures of {@code patientFlow} (tokens, served, no-shows,
 * waiting and service averages, medians and 90th percentiles in minutes rounded to hundredths, tokens per local hour
 * and the up to three busiest hours), computed by the same SQL aggregates over {@code report_token}.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class FlowExport {

    private final CsvReports csv;

    FlowExport(CsvReports csv) {
        this.csv = csv;
    }

    @GetMapping("/reports/flow.csv")
    ResponseEntity<StreamingResponseBody> flow(ReportFilterInput filter) {
        return csv.export("flow", filter, parsed -> {
            ReportFilter.Condition where = parsed.condition("t", false, true);
            String wait = "extract(epoch from t.called_at - t.issued_at) / 60.0";
            String service = "extract(epoch from t.finished_at - t.started_at) / 60.0";
            StringBuilder hours = new StringBuilder();
            for (int h = 0; h < 24; h++) {
                hours.append(", count(*) filter (where t.issued_hour = ")
                        .append(h)
                        .append(") as tokens_hour_")
                        .append(h < 10 ? "0" : "")
                        .append(h);
            }
            String sql = "with busiest as (select service_point_id, string_agg(issued_hour::text, ' '"
                    + " order by tokens desc, issued_hour) as hours from (select t.service_point_id, t.issued_hour,"
                    + " count(*) as tokens, row_number() over (partition by t.service_point_id"
                    + " order by count(*) desc, t.issued_hour) as rank from report_token t" + where.sql()
                    + " group by t.service_point_id, t.issued_hour) h where rank <= 3 group by service_point_id)"
                    + " select t.service_point_id, s.code as service_point_code, s.name_en, count(*) as tokens,"
                    + " count(t.finished_at) as served, count(*) filter (where t.no_show) as no_shows"
                    + minutes("avg(" + wait + ")", "wait_average_minutes")
                    + minutes("percentile_cont(0.5) within group (order by " + wait + ")", "wait_median_minutes")
                    + minutes("percentile_cont(0.9) within group (order by " + wait + ")", "wait_90th_minutes")
                    + minutes("avg(" + service + ")", "service_average_minutes")
                    + minutes("percentile_cont(0.5) within group (order by " + service + ")", "service_median_minutes")
                    + minutes("percentile_cont(0.9) within group (order by " + service + ")", "service_90th_minutes")
                    + hours + ", max(b.hours) as busiest_hours from report_token t"
                    + " left join service_point_directory s on s.service_point_id = t.service_point_id"
                    + " left join busiest b on b.service_point_id = t.service_point_id" + where.sql()
                    + " group by t.service_point_id, s.code, s.name_en order by s.code";
            List<Object> args = new ArrayList<>(where.args());
            args.addAll(where.args());
            return new CsvReports.Query(sql, args);
        });
    }

    private static String minutes(String aggregate, String label) {
        return ", round((" + aggregate + ")::numeric, 2) as " + label;
    }
}
