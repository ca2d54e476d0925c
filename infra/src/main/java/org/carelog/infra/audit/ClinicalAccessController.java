package org.carelog.infra.audit;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.carelog.infra.audit.BreakGlass.Grant;
import org.carelog.infra.security.SignedInStaff;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** The access log for auditors, and break-glass: opened by clinicians, reviewed by auditors. */
@Controller
class ClinicalAccessController {

    static final int MAX_PAGE = 200;

    private final JdbcTemplate jdbc;
    private final BreakGlass breakGlass;

    ClinicalAccessController(JdbcTemplate jdbc, BreakGlass breakGlass) {
        this.jdbc = jdbc;
        this.breakGlass = breakGlass;
    }

    record AccessLogEntry(
            long id,
            OffsetDateTime occurredAt,
            String username,
            String role,
            String patientId,
            String view,
            String requestId,
            Long breakGlassId,
            String breakGlassReason) {}

    record AccessLogEdge(String cursor, AccessLogEntry node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    record AccessLogConnection(List<AccessLogEdge> edges, PageInfo pageInfo) {}

    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    AccessLogConnection accessLog(
            @Argument String patientId,
            @Argument String username,
            @Argument OffsetDateTime from,
            @Argument OffsetDateTime to,
            @Argument Integer first,
            @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        StringBuilder sql = new StringBuilder("select l.id, l.occurred_at, l.username, l.role, l.patient_id, l.view,"
                + " l.request_id, l.break_glass_id, g.reason from clinical_access_log l"
                + " left join break_glass g on g.id = l.break_glass_id where true");
        List<Object> args = new ArrayList<>();
        if (patientId != null) {
            sql.append(" and l.patient_id = ?");
            args.add(PatientId.parse("patientId", patientId).value());
        }
        if (username != null) {
            sql.append(" and l.username = ?");
            args.add(username);
        }
        if (from != null) {
            sql.append(" and l.occurred_at >= ?");
            args.add(Timestamp.from(from.toInstant()));
        }
        if (to != null) {
            sql.append(" and l.occurred_at < ?");
            args.add(Timestamp.from(to.toInstant()));
        }
        if (after != null) {
            sql.append(" and l.id < ?");
            args.add(decodeCursor(after));
        }
        sql.append(" order by l.id desc limit ?");
        args.add(size + 1);
        List<AccessLogEntry> rows = jdbc.query(
                sql.toString(),
                (rs, n) -> new AccessLogEntry(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        (Long) rs.getObject(8),
                        rs.getString(9)),
                args.toArray());
        boolean more = rows.size() > size;
        List<AccessLogEdge> edges = rows.stream()
                .limit(size)
                .map(r -> new AccessLogEdge(encodeCursor(r.id()), r))
                .toList();
        return new AccessLogConnection(
                edges,
                new PageInfo(
                        more,
                        after != null,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    @QueryMapping
    @PreAuthorize("hasRole('AUDITOR')")
    List<Grant> breakGlassAlerts(@Argument Boolean reviewed, @Argument Integer first) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        return breakGlass.alerts(reviewed, size);
    }

    record BreakGlassInput(String patientId, String reason, String idempotencyKey) {}

    record BreakGlassPayload(Grant grant) {}

    @MutationMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE')")
    BreakGlassPayload breakGlass(@Argument BreakGlassInput input, Authentication user, DataFetchingEnvironment env) {
        PatientId patient = PatientId.parse("patientId", input.patientId());
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from patient_directory where patient_id = ?)",
                Boolean.class,
                patient.value()))) {
            throw CarelogException.notFound("No patient " + patient);
        }
        return new BreakGlassPayload(breakGlass.open(
                user.getName(),
                SignedInStaff.roleOf(user).orElse("NONE"),
                patient,
                input.reason(),
                env.getGraphQlContext().get(ClinicalAccessLog.REQUEST_ID_CONTEXT_KEY),
                key(input.idempotencyKey())));
    }

    record ReviewBreakGlassInput(String id, String note, String idempotencyKey) {}

    record ReviewBreakGlassPayload(Grant grant) {}

    @MutationMapping
    @PreAuthorize("hasRole('AUDITOR')")
    ReviewBreakGlassPayload reviewBreakGlass(@Argument ReviewBreakGlassInput input, Authentication user) {
        long id;
        try {
            id = Long.parseLong(input.id());
        } catch (NumberFormatException e) {
            throw CarelogException.validation("id", "is not a break-glass grant id");
        }
        return new ReviewBreakGlassPayload(breakGlass.review(id, user.getName(), input.note()));
    }

    private static String key(String idempotencyKey) {
        return idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    }

    static String encodeCursor(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("access:" + id).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("access:")) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring("access:".length()));
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation("after", "is not a cursor from this list");
        }
    }
}
