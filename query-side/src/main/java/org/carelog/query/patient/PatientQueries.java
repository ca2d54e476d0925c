package org.carelog.query.patient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.FindPatient;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientPage;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.patient.SearchPatients;
import org.carelog.api.reference.BdGeography;
import org.carelog.api.reference.BdGeography.Level;
import org.carelog.api.reference.BdGeography.Place;
import org.carelog.query.patient.PatientViews.PageInfo;
import org.carelog.query.patient.PatientViews.PatientConnection;
import org.carelog.query.patient.PatientViews.PatientEdge;
import org.carelog.query.patient.PatientViews.PatientView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The patient directory and the address geography, for registration desks and every other role. */
@Controller
class PatientQueries {

    static final int MAX_PAGE = 100;

    private final QueryGateway queries;
    private final Clock clock;

    PatientQueries(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')")
    PatientView patient(@Argument String id) {
        PatientId patientId = PatientId.parse("id", id);
        PatientSummary summary = queries.query(
                        new FindPatient(patientId), ResponseTypes.instanceOf(PatientSummary.class))
                .join();
        return summary == null ? null : view(summary);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')")
    PatientConnection patients(@Argument String search, @Argument Integer first, @Argument String after) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        long afterSequence = after == null ? 0 : decodeCursor(after);
        PatientPage page = queries.query(
                        new SearchPatients(search, size, afterSequence), ResponseTypes.instanceOf(PatientPage.class))
                .join();
        List<PatientEdge> edges = page.patients().stream()
                .map(p -> new PatientEdge(encodeCursor(p.mrnSequence()), view(p)))
                .toList();
        return new PatientConnection(
                edges,
                new PageInfo(
                        page.hasNextPage(),
                        after != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @QueryMapping
    // Every role, but not a token restricted to MFA enrolment (it has none).
    @PreAuthorize("hasAnyRole('ADMIN', 'RECEPTIONIST', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR', 'PATIENT')")
    List<Place> geography(@Argument String parentCode, @Argument Level level) {
        return BdGeography.instance().within(parentCode, level);
    }

    private PatientView view(PatientSummary summary) {
        return PatientView.of(summary, LocalDate.now(clock), clock.getZone());
    }

    static String encodeCursor(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("patient:" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("patient:")) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring("patient:".length()));
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation("after", "is not a cursor from this list");
        }
    }
}
