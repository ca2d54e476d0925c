package org.carelog.query.portal;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.common.CarelogException;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabResult;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.prescription.FindMedicationChart;
import org.carelog.api.prescription.MedicationChartView;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.api.queue.QueueTokenSummary;
import org.carelog.api.queue.TokenStatus;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AppointmentSummary;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailableSlot;
import org.carelog.api.scheduling.FindAvailableSlots;
import org.carelog.api.scheduling.FindPatientAppointments;
import org.carelog.projection.lab.LabOrderStore;
import org.carelog.projection.lab.LabOrderView;
import org.carelog.projection.queue.QueueTokenEntry;
import org.carelog.projection.queue.QueueTokenRepository;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in patient sees of their own record: appointments, today's tokens, signed prescriptions and
 * verified results (their conversations are in ConversationQueries). The patient is always the signed-in one: no
 * operation here takes a patient id. Every read is access-logged as the patient before it returns.
 *
 * <p>The patient's invoices: {@code myInvoices} in BillingQueries, read the same way.
 */
@Controller
class PortalQueries {

    static final int MAX_PAGE = 100;

    private final QueryGateway queries;
    private final LabOrderStore labOrders;
    private final QueueTokenRepository tokens;
    private final ClinicalAccessLog accessLog;
    private final Clock clock;

    PortalQueries(
            QueryGateway queries,
            LabOrderStore labOrders,
            QueueTokenRepository tokens,
            ClinicalAccessLog accessLog,
            Clock clock) {
        this.queries = queries;
        this.labOrders = labOrders;
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    record MyAppointment(
            String id,
            String practitionerId,
            String departmentId,
            String servicePointId,
            OffsetDateTime start,
            OffsetDateTime end,
            AppointmentType type,
            AppointmentStatus status) {}

    record MyToken(
            String id,
            String label,
            String servicePointId,
            LocalDate date,
            TokenStatus status,
            Instant issuedAt,
            Instant calledAt,
            Integer estimatedWaitSeconds) {}

    record MyLabResult(
            String orderId,
            LabOrderKind kind,
            String code,
            String name,
            Instant orderedAt,
            LabResult result,
            Instant verifiedAt,
            boolean abnormal) {}

    record FreeSlot(
            String practitionerId,
            String servicePointId,
            OffsetDateTime start,
            OffsetDateTime end,
            int capacity,
            int freePlaces,
            List<AppointmentType> types) {}

    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    List<MyAppointment> myAppointments(@Argument Boolean past, @Argument Integer first, DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        int limit = first == null ? 20 : first;
        if (limit < 1 || limit > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        accessLog.recordRead(me, "portal.appointments", env);
        ZoneId zone = clock.getZone();
        return queries
                .query(
                        new FindPatientAppointments(me, !Boolean.TRUE.equals(past), clock.instant(), null, limit),
                        ResponseTypes.multipleInstancesOf(AppointmentSummary.class))
                .join()
                .stream()
                .map(a -> new MyAppointment(
                        a.appointmentId(),
                        a.practitionerId(),
                        a.departmentId(),
                        a.servicePointId(),
                        a.start().atZone(zone).toOffsetDateTime(),
                        a.end().atZone(zone).toOffsetDateTime(),
                        a.type(),
                        a.status()))
                .toList();
    }

    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    List<MyToken> myTokens(DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        accessLog.recordRead(me, "portal.tokens", env);
        return tokens.findByPatientIdAndQueueDateOrderByIssuedAt(me.value(), LocalDate.now(clock)).stream()
                .map(QueueTokenEntry::toSummary)
                .map(PortalQueries::token)
                .toList();
    }

    private static MyToken token(QueueTokenSummary t) {
        return new MyToken(
                t.tokenId(),
                t.label(),
                t.servicePointId(),
                t.date(),
                t.status(),
                t.issuedAt(),
                t.calledAt(),
                t.estimatedWaitSeconds());
    }

    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    List<PrescriptionSummary> myPrescriptions(DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        accessLog.recordRead(me, "portal.prescriptions", env);
        MedicationChartView chart = queries.query(
                        new FindMedicationChart(me), ResponseTypes.instanceOf(MedicationChartView.class))
                .join();
        return chart == null ? List.of() : chart.prescriptions();
    }

    /** Verified results only, each as it was last verified (a correction awaiting verification is not shown). */
    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    List<MyLabResult> myLabResults(DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        accessLog.recordRead(me, "portal.labResults", env);
        return labOrders.ofPatient(me.value()).stream()
                .filter(o -> o.verifiedVersion() != null)
                .map(PortalQueries::result)
                .toList();
    }

    private static MyLabResult result(LabOrderView order) {
        LabOrderView.ResultVersion verified = order.verifiedVersion();
        return new MyLabResult(
                order.orderId().toString(),
                order.kind(),
                order.code(),
                order.name(),
                order.orderedAt(),
                verified.result(),
                verified.verifiedAt(),
                verified.result() != null && verified.result().abnormal());
    }

    /** Free slots to book with bookMyAppointment: of a practitioner, or of a specialty. */
    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    List<FreeSlot> availableSlotsForMe(
            @Argument String practitionerId,
            @Argument String specialty,
            @Argument LocalDate from,
            @Argument LocalDate to) {
        CurrentPatient.require();
        if (practitionerId == null && (specialty == null || specialty.isBlank())) {
            throw CarelogException.validation("practitionerId", "a practitioner or a specialty is required");
        }
        PractitionerId practitioner =
                practitionerId == null ? null : PractitionerId.parse("practitionerId", practitionerId);
        ZoneId zone = clock.getZone();
        return queries
                .query(
                        new FindAvailableSlots(practitioner, specialty, from, to, null),
                        ResponseTypes.multipleInstancesOf(AvailableSlot.class))
                .join()
                .stream()
                .map(s -> new FreeSlot(
                        s.practitionerId(),
                        s.servicePointId(),
                        s.start().atZone(zone).toOffsetDateTime(),
                        s.end().atZone(zone).toOffsetDateTime(),
                        s.capacity(),
                        s.freePlaces(),
                        List.copyOf(s.types())))
                .toList();
    }
}
