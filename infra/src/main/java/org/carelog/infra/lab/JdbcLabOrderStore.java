package org.carelog.infra.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelog.api.lab.LabOrderStatus;
import org.carelog.projection.lab.LabOrderStore;
import org.carelog.projection.lab.LabOrderView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lab orders read model (table {@code lab_order}): each order's {@link LabOrderView} as JSON, with the
 * columns lists are filtered and sorted by. Written in batches by the projector; read by the chart, the order's
 * page and the laboratory's worklist.
 */
@Component
public class JdbcLabOrderStore implements LabOrderStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    JdbcLabOrderStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    @Override
    public Optional<LabOrderView> find(UUID orderId) {
        return jdbc
                .query("select document from lab_order where order_id = ?", (rs, n) -> read(rs.getString(1)), orderId)
                .stream()
                .findFirst();
    }

    /** A patient's orders, newest first. */
    @Override
    public List<LabOrderView> ofPatient(UUID patientId) {
        return jdbc.query(
                "select document from lab_order where patient_id = ? order by ordered_at desc, order_id",
                (rs, n) -> read(rs.getString(1)),
                patientId);
    }

    /** Orders in these states, most urgent first, then oldest first. */
    @Override
    public List<LabOrderView> worklist(Set<LabOrderStatus> statuses, int limit) {
        return named.query(
                "select document from lab_order where status in (:statuses)"
                        + " order by priority_rank, ordered_at, order_id limit :limit",
                new MapSqlParameterSource()
                        .addValue("statuses", statuses.stream().map(Enum::name).toList())
                        .addValue("limit", limit),
                (rs, n) -> read(rs.getString(1)));
    }

    /** The stored views of these orders (those that exist). */
    @Override
    public Map<UUID, LabOrderView> load(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return named
                .query(
                        "select document from lab_order where order_id in (:ids)",
                        new MapSqlParameterSource("ids", orderIds),
                        (rs, n) -> read(rs.getString(1)))
                .stream()
                .collect(Collectors.toMap(LabOrderView::orderId, Function.identity()));
    }

    /** Inserts or replaces these orders, in one batch. */
    @Override
    public void save(Collection<LabOrderView> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into lab_order (order_id, patient_id, status, priority_rank, ordered_at, abnormal, document)"
                        + " values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (order_id) do update set"
                        + " status = excluded.status, priority_rank = excluded.priority_rank,"
                        + " abnormal = excluded.abnormal, document = excluded.document",
                views.stream()
                        .map(v -> new Object[] {
                            v.orderId(),
                            v.patientId(),
                            v.status().name(),
                            v.priority().ordinal(),
                            Timestamp.from(v.orderedAt()),
                            v.abnormal(),
                            write(v)
                        })
                        .toList());
    }

    /**
     * Blanks an erased patient's orders in place, as {@code LabOrderView.erased()} does (what the order was, the
     * specimen, results and reasons; the steps and who took them stay): for {@code ErasureReconciliation} after a
     * backup from before the erasure was restored. Returns how many orders changed.
     */
    public static int scrub(JdbcTemplate jdbc, UUID patientId) {
        return jdbc.update(
                "update lab_order set abnormal = false, document = document || jsonb_build_object("
                        + " 'code', null, 'name', null, 'clinicalNote', null, 'specimen', null, 'result', null,"
                        + " 'cancelReason', null, 'versions', (select coalesce(jsonb_agg(e.v || jsonb_build_object("
                        + " 'result', null, 'reason', null) order by e.n), '[]'::jsonb)"
                        + " from jsonb_array_elements(document -> 'versions') with ordinality as e(v, n)))"
                        + " where patient_id = ? and (document ->> 'name' is not null or document ->> 'code' is not null"
                        + " or document -> 'result' <> 'null'::jsonb)",
                patientId);
    }

    @Override
    public void deleteAll() {
        jdbc.update("delete from lab_order");
    }

    private LabOrderView read(String document) {
        try {
            return json.readValue(document, LabOrderView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lab_order document", e);
        }
    }

    private String write(LabOrderView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lab order " + view.orderId() + " cannot be written", e);
        }
    }
}
