package org.carelog.query.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelog.api.queue.CallReason;
import org.carelog.api.queue.QueueBoard;
import org.carelog.api.queue.QueueStatistics;
import org.carelog.api.queue.QueueTokenSummary;
import org.carelog.api.queue.TokenStatus;

/** The GraphQL shapes of queues, journeys, statistics and boards, made from shared-api results. */
final class QueueViews {

    private QueueViews() {}

    record QueueView(String servicePointId, LocalDate date, List<QueueTokenView> tokens) {}

    record QueueTokenView(
            String id,
            String label,
            String servicePointId,
            LocalDate date,
            int number,
            TokenStatus status,
            String priority,
            String appointmentId,
            OffsetDateTime appointmentStart,
            String patientId,
            String walkInNameBn,
            String walkInNameEn,
            String walkInPhone,
            String journeyId,
            String transferredFrom,
            String transferredToServicePointId,
            String counter,
            CallReason callReason,
            int calls,
            OffsetDateTime issuedAt,
            OffsetDateTime calledAt,
            OffsetDateTime serviceStartedAt,
            OffsetDateTime serviceFinishedAt,
            int waitedSeconds,
            Integer estimatedWaitSeconds) {

        static QueueTokenView of(QueueTokenSummary t, Instant now, ZoneId zone) {
            boolean inLine = t.status() == TokenStatus.WAITING || t.status() == TokenStatus.SKIPPED;
            Instant waitedUntil = inLine || t.calledAt() == null ? now : t.calledAt();
            return new QueueTokenView(
                    t.tokenId(),
                    t.label(),
                    t.servicePointId(),
                    t.date(),
                    t.number(),
                    t.status(),
                    t.priority(),
                    t.appointmentId(),
                    local(t.appointmentStart(), zone),
                    t.patientId(),
                    t.walkInNameBn(),
                    t.walkInNameEn(),
                    t.walkInPhone(),
                    t.journeyId(),
                    t.transferredFrom(),
                    t.transferredTo(),
                    t.counter(),
                    t.callReason(),
                    t.calls(),
                    local(t.issuedAt(), zone),
                    local(t.calledAt(), zone),
                    local(t.serviceStartedAt(), zone),
                    local(t.serviceFinishedAt(), zone),
                    (int) Math.max(
                            0, Duration.between(t.issuedAt(), waitedUntil).toSeconds()),
                    t.status() == TokenStatus.WAITING ? t.estimatedWaitSeconds() : null);
        }
    }

    record QueueStatisticsView(
            String servicePointId,
            LocalDate date,
            int issued,
            int served,
            int noShows,
            int waiting,
            List<QueueStatistics.HourlyCount> servedPerHour,
            Double averageWaitSeconds,
            Double p90WaitSeconds,
            Double averageServiceSeconds,
            Double p90ServiceSeconds) {

        static QueueStatisticsView of(QueueStatistics s) {
            return new QueueStatisticsView(
                    s.queueId().servicePointId().toString(),
                    s.queueId().date(),
                    (int) s.issued(),
                    (int) s.served(),
                    (int) s.noShows(),
                    (int) s.waiting(),
                    s.servedPerHour(),
                    s.averageWaitSeconds(),
                    s.p90WaitSeconds(),
                    s.averageServiceSeconds(),
                    s.p90ServiceSeconds());
        }
    }

    record QueueBoardView(
            String servicePointId,
            LocalDate date,
            String code,
            String nameEn,
            String nameBn,
            List<QueueBoard.BoardToken> nowServing,
            List<QueueBoard.BoardToken> next,
            OffsetDateTime updatedAt) {

        static QueueBoardView of(QueueBoard b, ZoneId zone) {
            return new QueueBoardView(
                    b.queueId().servicePointId().toString(),
                    b.queueId().date(),
                    b.code(),
                    b.nameEn(),
                    b.nameBn(),
                    b.nowServing(),
                    b.next(),
                    local(b.updatedAt(), zone));
        }
    }

    static OffsetDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }
}
