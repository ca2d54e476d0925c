package org.carelog.infra.reporting;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /reports/messages.csv}: one row per message queued in the period (the local day it was queued, kind,
 * channel, status, decision, attempts, times, the appointment of a reminder). Nothing personal: no patient, address,
 * text or gateway answer.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class CommunicationExport {

    private final CsvReports csv;
    private final CommunicationReports reports;

    CommunicationExport(CsvReports csv, CommunicationReports reports) {
        this.csv = csv;
        this.reports = reports;
    }

    @GetMapping("/reports/messages.csv")
    ResponseEntity<StreamingResponseBody> messages(ReportFilterInput filter) {
        return csv.export("messages", filter, parsed -> {
            ReportFilter.Condition period = reports.queuedIn(parsed);
            List<Object> args = new java.util.ArrayList<>();
            args.add(reports.zone().getId());
            args.addAll(period.args());
            return new CsvReports.Query(
                    "select (m.created_at at time zone ?)::date as day, m.kind, m.channel, m.status, m.decision,"
                            + " m.attempts, m.created_at as queued_at, m.sent_at, m.delivered_at, m.failed_at,"
                            + " m.appointment_id from communication_message m" + period.sql()
                            + " order by m.created_at, m.message_id",
                    args);
        });
    }
}
