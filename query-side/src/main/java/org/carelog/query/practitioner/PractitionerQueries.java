package org.carelog.query.practitioner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.DepartmentSummary;
import org.carelog.api.practitioner.FindDepartment;
import org.carelog.api.practitioner.FindPractitioner;
import org.carelog.api.practitioner.FindServicePoint;
import org.carelog.api.practitioner.ListDepartments;
import org.carelog.api.practitioner.ListPractitioners;
import org.carelog.api.practitioner.ListServicePoints;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.practitioner.ServicePointKind;
import org.carelog.api.practitioner.ServicePointSummary;
import org.carelog.query.practitioner.PractitionerViews.DepartmentView;
import org.carelog.query.practitioner.PractitionerViews.PractitionerView;
import org.carelog.query.practitioner.PractitionerViews.ServicePointView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The facility's departments and practitioners, for every staff role. Lists are plain lists: a
 * facility has tens of departments and at most a few hundred practitioners.
 */
@Controller
class PractitionerQueries {

    private static final String STAFF = "hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')";

    private final QueryGateway queries;
    private final Clock clock;

    PractitionerQueries(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<DepartmentView> departments() {
        return departmentList().stream()
                .map(d -> DepartmentView.of(d, clock.getZone()))
                .toList();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    DepartmentView department(@Argument String id) {
        DepartmentSummary summary = queries.query(
                        new FindDepartment(DepartmentId.parse("id", id)),
                        ResponseTypes.instanceOf(DepartmentSummary.class))
                .join();
        return summary == null ? null : DepartmentView.of(summary, clock.getZone());
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<PractitionerView> practitioners(@Argument String departmentId, @Argument PractitionerRole role) {
        DepartmentId department = departmentId == null ? null : DepartmentId.parse("departmentId", departmentId);
        List<PractitionerSummary> found = queries.query(
                        new ListPractitioners(department, role),
                        ResponseTypes.multipleInstancesOf(PractitionerSummary.class))
                .join();
        LocalDate today = LocalDate.now(clock);
        return found.stream()
                .map(p -> PractitionerView.of(p, today, clock.getZone()))
                .toList();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    PractitionerView practitioner(@Argument String id) {
        PractitionerId practitionerId = PractitionerId.parse("id", id);
        PractitionerSummary summary = queries.query(
                        new FindPractitioner(practitionerId), ResponseTypes.instanceOf(PractitionerSummary.class))
                .join();
        return summary == null ? null : PractitionerView.of(summary, LocalDate.now(clock), clock.getZone());
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<ServicePointView> servicePoints(@Argument String departmentId, @Argument ServicePointKind kind) {
        DepartmentId department = departmentId == null ? null : DepartmentId.parse("departmentId", departmentId);
        return servicePointList(department).stream()
                .filter(s -> kind == null || s.kind() == kind)
                .map(s -> ServicePointView.of(s, clock.getZone()))
                .toList();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    ServicePointView servicePoint(@Argument String id) {
        ServicePointSummary summary = queries.query(
                        new FindServicePoint(ServicePointId.parse("id", id)),
                        ResponseTypes.instanceOf(ServicePointSummary.class))
                .join();
        return summary == null ? null : ServicePointView.of(summary, clock.getZone());
    }

    /** Each department's service points, for a whole list in one query (no N+1). */
    @BatchMapping(typeName = "Department", field = "servicePoints")
    List<List<ServicePointView>> servicePoints(List<DepartmentView> departments) {
        Map<String, List<ServicePointView>> byDepartment = servicePointList(null).stream()
                .map(s -> ServicePointView.of(s, clock.getZone()))
                .collect(Collectors.groupingBy(ServicePointView::departmentId));
        return departments.stream()
                .map(d -> byDepartment.getOrDefault(d.id(), List.of()))
                .toList();
    }

    /** Each service point's department, for a whole list in one query. */
    @BatchMapping(typeName = "ServicePoint", field = "department")
    List<DepartmentView> servicePointDepartment(List<ServicePointView> servicePoints) {
        Map<String, DepartmentView> byId = departmentsById();
        return servicePoints.stream().map(s -> byId.get(s.departmentId())).toList();
    }

    private List<ServicePointSummary> servicePointList(DepartmentId department) {
        return queries.query(
                        new ListServicePoints(department), ResponseTypes.multipleInstancesOf(ServicePointSummary.class))
                .join();
    }

    private Map<String, DepartmentView> departmentsById() {
        return departmentList().stream()
                .map(d -> DepartmentView.of(d, clock.getZone()))
                .collect(Collectors.toMap(DepartmentView::id, Function.identity()));
    }

    /**
     * Each practitioner's department, for a whole list in one query (no N+1). Reached only through the
     * root fields above, which check the role.
     */
    @BatchMapping(typeName = "Practitioner", field = "department")
    List<DepartmentView> department(List<PractitionerView> practitioners) {
        Map<String, DepartmentView> byId = departmentsById();
        return practitioners.stream().map(p -> byId.get(p.departmentId())).toList();
    }

    private List<DepartmentSummary> departmentList() {
        return queries.query(ListDepartments.all(), ResponseTypes.multipleInstancesOf(DepartmentSummary.class))
                .join();
    }
}
