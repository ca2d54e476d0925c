package org.carelog.query.history;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.FindPatient;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientSummary;
import org.carelog.projection.patient.PatientSummaryFold;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.carelog.query.clinical.PatientChartView;
import org.carelog.query.clinical.PatientHistory;
import org.carelog.query.patient.PatientViews.PatientView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Every change to a patient's record, read from the event store (recordHistory), and the chart's patient
 * section: the directory's current view, or the demographics as they were at the chart's asOf, folded from the
 * patient's events with the directory's rules.
 */
@Controller
class RecordHistoryQueries {

    static final int MAX_PAGE = 200;

    private final QueryGateway queries;
    private final RecordHistoryPages pages;
    private final PatientHistory history;
    private final ClinicalAccessLog accessLog;
    private final Clock clock;

    RecordHistoryQueries(
            QueryGateway queries,
            RecordHistoryPages pages,
            PatientHistory history,
            ClinicalAccessLog accessLog,
            Clock clock) {
        this.queries = queries;
        this.pages = pages;
        this.history = history;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    record RecordChange(
            long position,
            String type,
            String description,
            String reason,
            OffsetDateTime at,
            String username,
            String role,
            String requestId) {}

    record RecordChangeEdge(String cursor, RecordChange node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    record RecordChangeConnection(List<RecordChangeEdge> edges, PageInfo pageInfo) {}

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'DOCTOR')")
    RecordChangeConnection recordHistory(
            @Argument String patientId, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        PatientId patient = PatientId.parse("patientId", patientId);
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        long afterIndex = after == null ? 0 : decodeCursor(after);
        if (find(patient) == null) {
            return null;
        }
        accessLog.recordRead(patient, "recordHistory", env);
        List<RecordedEvent> events = pages.after(patient, afterIndex, size + 1);
        boolean more = events.size() > size;
        List<RecordChangeEdge> edges = events.stream()
                .limit(size)
                .map(e -> new RecordChangeEdge(encodeCursor(e.globalIndex()), change(e)))
                .toList();
        return new RecordChangeConnection(
                edges,
                new PageInfo(
                        more,
                        after != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    /** The patient as the chart shows them: now from the directory, or as of the chart's instant. */
    @SchemaMapping(typeName = "PatientChart", field = "patient")
    PatientView patient(PatientChartView chart) {
        PatientSummary summary;
        if (chart.asOf() == null) {
            summary = find(chart.patientId());
        } else {
            summary = null;
            for (RecordedEvent e : history.eventsUntil(chart.patientId(), chart.asOf())) {
                summary = PatientSummaryFold.apply(summary, e.payload(), e.at());
            }
        }
        LocalDate day = chart.asOf() == null
                ? LocalDate.now(clock)
                : chart.asOf().atZone(clock.getZone()).toLocalDate();
        return summary == null ? null : PatientView.of(summary, day, clock.getZone());
    }

    private RecordChange change(RecordedEvent e) {
        return new RecordChange(
                e.globalIndex(),
                ChangeDescriptions.type(e.payload()),
                ChangeDescriptions.describe(e.payload()),
                ChangeDescriptions.reason(e.payload()),
                e.at().atZone(clock.getZone()).toOffsetDateTime(),
                e.username(),
                e.role(),
                e.requestId());
    }

    private PatientSummary find(PatientId patient) {
        return queries.query(new FindPatient(patient), ResponseTypes.instanceOf(PatientSummary.class))
                .join();
    }

    static String encodeCursor(long globalIndex) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("change:" + globalIndex).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("change:")) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring("change:".length()));
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation("after", "is not a cursor from this list");
        }
    }
}
