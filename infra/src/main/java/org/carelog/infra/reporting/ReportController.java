package org.carelog.infra.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.carelog.infra.config.FacilityProperties;
import org.carelog.infra.reporting.OperationalReports.CensusDay;
import org.carelog.infra.reporting.OperationalReports.ServicePointFlow;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operational reports for managers (administrators) and auditors, and the live dashboard tile. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class ReportController {

    private final OperationalReports reports;
    private final ClinicalReports clinical;
    private final DashboardFeed feed;
    private final FacilityProperties facility;
    private final Clock clock;

    ReportController(
            OperationalReports reports,
            ClinicalReports clinical,
            DashboardFeed feed,
            FacilityProperties facility,
            Clock clock) {
        this.reports = reports;
        this.clinical = clinical;
        this.feed = feed;
        this.facility = facility;
        this.clock = clock;
    }

    /** Today's census and queue waits, as the dashboard tile shows them. */
    record DashboardTile(LocalDate day, CensusDay census, List<ServicePointFlow> queues) {}

    @QueryMapping
    List<CensusDay> dailyCensus(@Argument ReportFilterInput filter) {
        return reports.census(parse(filter));
    }

    @QueryMapping
    List<ServicePointFlow> patientFlow(@Argument ReportFilterInput filter) {
        return reports.flow(parse(filter));
    }

    @QueryMapping
    ClinicalReports.DiagnosisReport diagnosisReport(@Argument ReportFilterInput filter, @Argument Integer limit) {
        return clinical.diagnoses(parse(filter), limit == null ? 20 : limit);
    }

    @QueryMapping
    List<ClinicalReports.MedicineCount> prescriptionReport(
            @Argument ReportFilterInput filter, @Argument Integer limit) {
        return clinical.medicines(parse(filter), limit == null ? 20 : limit);
    }

    @QueryMapping
    List<ClinicalReports.LabTestTurnaround> labReport(@Argument ReportFilterInput filter) {
        return clinical.labs(parse(filter));
    }

    @SubscriptionMapping
    Flux<DashboardTile> dashboard(@Argument String departmentId) {
        LocalDate today = LocalDate.now(clock);
        ReportFilter filter = ReportFilter.parse(today, today, null, facility.mrnPrefix(), departmentId, null, null);
        Mono<DashboardTile> tile = Mono.fromCallable(() -> tile(filter)).subscribeOn(Schedulers.boundedElastic());
        return tile.concatWith(feed.changesOf(today).concatMap(day -> tile));
    }

    DashboardTile tile(ReportFilter filter) {
        return new DashboardTile(filter.from(), reports.census(filter).get(0), reports.flow(filter));
    }

    private ReportFilter parse(ReportFilterInput input) {
        return input.parse(facility.mrnPrefix());
    }
}
