package org.carelog.query.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.queue.FindPatientJourney;
import org.carelog.api.queue.FindQueueTokens;
import org.carelog.api.queue.QueueBoard;
import org.carelog.api.queue.QueueBoard.BoardToken;
import org.carelog.api.queue.QueueBoardFor;
import org.carelog.api.queue.QueueStatistics;
import org.carelog.api.queue.QueueStatistics.HourlyCount;
import org.carelog.api.queue.QueueStatisticsFor;
import org.carelog.api.queue.QueueTokenSummary;
import org.carelog.api.queue.TokenStatus;
import org.carelog.projection.practitioner.ServicePointDirectoryRepository;
import org.carelog.projection.queue.QueueTokenEntry;
import org.carelog.projection.queue.QueueTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers queue, journey, statistics and board queries from the queue tokens' read model. */
@Component
class QueueQueryHandler {

    /** A board shows this many tokens being called or served, and this many next in line. */
    static final int BOARD_ROWS = 5;

    private final QueueTokenRepository tokens;
    private final ServicePointDirectoryRepository servicePoints;
    private final Clock clock;

    QueueQueryHandler(QueueTokenRepository tokens, ServicePointDirectoryRepository servicePoints, Clock clock) {
        this.tokens = tokens;
        this.servicePoints = servicePoints;
        this.clock = clock;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<QueueTokenSummary> queue(FindQueueTokens query) {
        return tokens
                .findByServicePointIdAndQueueDateOrderByNumber(
                        query.queueId().servicePointId().value(),
                        query.queueId().date())
                .stream()
                .map(QueueTokenEntry::toSummary)
                .toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    List<QueueTokenSummary> journey(FindPatientJourney query) {
        return tokens
                .findByPatientIdAndQueueDateOrderByIssuedAt(query.patientId().value(), query.date())
                .stream()
                .map(QueueTokenEntry::toSummary)
                .toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    QueueBoard board(QueueBoardFor query) {
        UUID servicePoint = query.queueId().servicePointId().value();
        var where = servicePoints.findById(servicePoint).orElse(null);
        if (where == null) {
            return null;
        }
        var summary = where.toSummary();
        Instant now = clock.instant();
        return new QueueBoard(
                query.queueId(),
                summary.code(),
                summary.nameEn(),
                summary.nameBn(),
                board(tokens.nowServing(servicePoint, query.queueId().date(), BOARD_ROWS)),
                board(tokens.nextInLine(servicePoint, query.queueId().date(), BOARD_ROWS)),
                now);
    }

    private static List<BoardToken> board(List<QueueTokenEntry> rows) {
        return rows.stream()
                .map(t -> new BoardToken(t.label(), t.number(), t.status(), t.counter()))
                .toList();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    QueueStatistics statistics(QueueStatisticsFor query) {
        UUID servicePoint = query.queueId().servicePointId().value();
        long issued = 0;
        long served = 0;
        long noShows = 0;
        long waiting = 0;
        for (Object[] row : tokens.countsByStatus(servicePoint, query.queueId().date())) {
            TokenStatus status = TokenStatus.valueOf((String) row[0]);
            long count = ((Number) row[1]).longValue();
            issued += count;
            switch (status) {
                case SERVED -> served += count;
                case NO_SHOW -> noShows += count;
                case WAITING, SKIPPED -> waiting += count;
                default -> {}
            }
        }
        List<HourlyCount> perHour =
                tokens
                        .servedPerHour(
                                servicePoint,
                                query.queueId().date(),
                                clock.getZone().getId())
                        .stream()
                        .map(r -> new HourlyCount(((Number) r[0]).intValue(), ((Number) r[1]).longValue()))
                        .toList();
        Object[] times =
                tokens.waitAndServiceTimes(servicePoint, query.queueId().date()).get(0);
        return new QueueStatistics(
                query.queueId(),
                issued,
                served,
                noShows,
                waiting,
                perHour,
                number(times[0]),
                number(times[1]),
                number(times[2]),
                number(times[3]));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
