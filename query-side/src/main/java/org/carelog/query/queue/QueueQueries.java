package org.carelog.query.queue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.queue.FindPatientJourney;
import org.carelog.api.queue.FindQueueTokens;
import org.carelog.api.queue.QueueBoard;
import org.carelog.api.queue.QueueBoardFor;
import org.carelog.api.queue.QueueStatistics;
import org.carelog.api.queue.QueueStatisticsFor;
import org.carelog.api.queue.QueueTokenSummary;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.query.queue.QueueViews.QueueBoardView;
import org.carelog.query.queue.QueueViews.QueueStatisticsView;
import org.carelog.query.queue.QueueViews.QueueTokenView;
import org.carelog.query.queue.QueueViews.QueueView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Queues for the staff at counters and managers: a queue's tokens, a patient's journey, a day's
 * statistics, and the board. A day is the facility's local day; today when not given.
 */
@Controller
class QueueQueries {

    static final String STAFF = "hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')";

    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectProvider<QueueBoardFeed> feed;

    QueueQueries(QueryGateway queries, Clock clock, ObjectProvider<QueueBoardFeed> feed) {
        this.queries = queries;
        this.clock = clock;
        this.feed = feed;
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    QueueView queue(@Argument String servicePointId, @Argument LocalDate date) {
        TokenQueueId queue = queueId(servicePointId, date);
        List<QueueTokenSummary> found = queries.query(
                        new FindQueueTokens(queue), ResponseTypes.multipleInstancesOf(QueueTokenSummary.class))
                .join();
        return new QueueView(queue.servicePointId().toString(), queue.date(), views(found));
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<QueueTokenView> patientJourney(@Argument String patientId, @Argument LocalDate date) {
        PatientId patient = PatientId.parse("patientId", patientId);
        List<QueueTokenSummary> found = queries.query(
                        new FindPatientJourney(patient, date == null ? LocalDate.now(clock) : date),
                        ResponseTypes.multipleInstancesOf(QueueTokenSummary.class))
                .join();
        return views(found);
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    QueueStatisticsView queueStatistics(@Argument String servicePointId, @Argument LocalDate date) {
        QueueStatistics statistics = queries.query(
                        new QueueStatisticsFor(queueId(servicePointId, date)),
                        ResponseTypes.instanceOf(QueueStatistics.class))
                .join();
        return QueueStatisticsView.of(statistics);
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    QueueBoardView queueBoard(@Argument String servicePointId) {
        return board(ServicePointId.parse("servicePointId", servicePointId));
    }

    /**
     * Today's board of a service point, then every change, within a second of the event, from whichever
     * Carelog process handled it. Staff, or a waiting-room display signed in with its board credential
     * for this service point.
     */
    @SubscriptionMapping("queueBoard")
    @PreAuthorize(STAFF + " or hasAuthority('BOARD:' + #servicePointId)")
    Flux<QueueBoardView> watchQueueBoard(@Argument String servicePointId) {
        ServicePointId servicePoint = ServicePointId.parse("servicePointId", servicePointId);
        board(servicePoint); // NOT_FOUND at once for an unknown service point
        return feed.getObject().watch(servicePoint);
    }

    /** Today's board of a service point; NOT_FOUND when there is no such service point. */
    QueueBoardView board(ServicePointId servicePoint) {
        QueueBoard board = queries.query(
                        new QueueBoardFor(new TokenQueueId(servicePoint, LocalDate.now(clock))),
                        ResponseTypes.instanceOf(QueueBoard.class))
                .join();
        if (board == null) {
            throw CarelogException.notFound("No service point " + servicePoint);
        }
        return QueueBoardView.of(board, clock.getZone());
    }

    private List<QueueTokenView> views(List<QueueTokenSummary> found) {
        var now = clock.instant();
        return found.stream()
                .map(t -> QueueTokenView.of(t, now, clock.getZone()))
                .toList();
    }

    private TokenQueueId queueId(String servicePointId, LocalDate date) {
        return new TokenQueueId(
                ServicePointId.parse("servicePointId", servicePointId), date == null ? LocalDate.now(clock) : date);
    }
}
