package org.carelog.projection.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The queue tokens' read table. */
public interface QueueTokenRepository extends JpaRepository<QueueTokenEntry, String> {

    List<QueueTokenEntry> findByServicePointIdAndQueueDateOrderByNumber(UUID servicePointId, LocalDate date);

    List<QueueTokenEntry> findByPatientIdAndQueueDateOrderByIssuedAt(UUID patientId, LocalDate date);

    @Query(
            value = "select * from queue_token where service_point_id = :sp and queue_date = :date"
                    + " and status in ('CALLED', 'SERVING') order by called_at desc limit :limit",
            nativeQuery = true)
    List<QueueTokenEntry> nowServing(
            @Param("sp") UUID servicePointId, @Param("date") LocalDate date, @Param("limit") int limit);

    /** The first tokens of the line the calling order predicts, as of the last projected batch. */
    @Query(
            value = "select * from queue_token where service_point_id = :sp and queue_date = :date"
                    + " and line_place is not null order by line_place limit :limit",
            nativeQuery = true)
    List<QueueTokenEntry> nextInLine(
            @Param("sp") UUID servicePointId, @Param("date") LocalDate date, @Param("limit") int limit);

    /** The tokens the calling order counts (waiting or skipped) and those still holding a place, by number. */
    @Query(
            value = "select * from queue_token where service_point_id = :sp and queue_date = :date"
                    + " and (status in ('WAITING', 'SKIPPED') or line_place is not null) order by number",
            nativeQuery = true)
    List<QueueTokenEntry> lineOf(@Param("sp") UUID servicePointId, @Param("date") LocalDate date);

    /** Average seconds of the service point's last {@code recent} services; null when it has none yet. */
    @Query(
            value = "select avg(extract(epoch from service_finished_at - service_started_at)) from ("
                    + " select service_started_at, service_finished_at from queue_token"
                    + " where service_point_id = :sp and service_finished_at is not null"
                    + " and service_started_at is not null order by service_finished_at desc limit :recent) r",
            nativeQuery = true)
    Double recentServiceSeconds(@Param("sp") UUID servicePointId, @Param("recent") int recent);

    /** Counters or rooms with a token called or in service now: how many patients are seen at once. */
    @Query(
            value = "select count(distinct coalesce(counter, '')) from queue_token where service_point_id = :sp"
                    + " and queue_date = :date and status in ('CALLED', 'SERVING')",
            nativeQuery = true)
    int activeCounters(@Param("sp") UUID servicePointId, @Param("date") LocalDate date);

    /** Tokens by status for the day: issued is the sum. Rows of [status, count]. */
    @Query(
            value = "select status, count(*) from queue_token where service_point_id = :sp and queue_date = :date"
                    + " group by status",
            nativeQuery = true)
    List<Object[]> countsByStatus(@Param("sp") UUID servicePointId, @Param("date") LocalDate date);

    /** Tokens served per local hour of the day. Rows of [hour, count]. */
    @Query(
            value = "select extract(hour from service_finished_at at time zone :zone)::int as h, count(*)"
                    + " from queue_token where service_point_id = :sp and queue_date = :date"
                    + " and service_finished_at is not null group by h order by h",
            nativeQuery = true)
    List<Object[]> servedPerHour(
            @Param("sp") UUID servicePointId, @Param("date") LocalDate date, @Param("zone") String zone);

    /**
     * Average and 90th percentile of the wait (issue to first call) and the service time, in seconds.
     * One row of four numbers, any of them null.
     */
    @Query(
            value = "select avg(w), percentile_cont(0.9) within group (order by w),"
                    + " avg(s), percentile_cont(0.9) within group (order by s) from ("
                    + " select extract(epoch from first_called_at - issued_at) as w,"
                    + " extract(epoch from service_finished_at - service_started_at) as s"
                    + " from queue_token where service_point_id = :sp and queue_date = :date) t",
            nativeQuery = true)
    List<Object[]> waitAndServiceTimes(@Param("sp") UUID servicePointId, @Param("date") LocalDate date);
}
