package org.carelog.projection.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabOrderStatus;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResult;

/**
 * One lab or imaging order as the chart, the worklist and the order's own page show it: the state that
 * {@link LabOrderFold} builds from the order's events. The read model stores it as it is; an auditor's chart
 * {@code asOf} an instant folds the events up to then with the same fold.
 *
 * @param result the current result version (null before one is entered)
 * @param versions every result version, oldest first
 */
public record LabOrderView(
        UUID orderId,
        UUID patientId,
        UUID encounterId,
        LabOrderKind kind,
        String code,
        String name,
        LabPriority priority,
        String clinicalNote,
        LabOrderStatus status,
        String orderedBy,
        Instant orderedAt,
        String specimen,
        String collectedBy,
        Instant collectedAt,
        LabResult result,
        List<ResultVersion> versions,
        String cancelledBy,
        Instant cancelledAt,
        String cancelReason,
        Instant updatedAt) {

    public LabOrderView {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** One result version: who entered it and why (a correction), who verified it. */
    public record ResultVersion(
            int version,
            LabResult result,
            String enteredBy,
            Instant enteredAt,
            String reason,
            String verifiedBy,
            Instant verifiedAt) {

        ResultVersion verified(String by, Instant at) {
            return new ResultVersion(version, result, enteredBy, enteredAt, reason, by, at);
        }
    }

    /** True when the current result is flagged abnormal: shown as such everywhere. */
    public boolean abnormal() {
        return result != null && result.flag() != null && result.abnormal();
    }

    /** The version verified last, or null. */
    public ResultVersion verifiedVersion() {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).verifiedAt() != null) {
                return versions.get(i);
            }
        }
        return null;
    }

    LabOrderView collected(String specimen, String by, Instant at) {
        return new LabOrderView(
                orderId,
                patientId,
                encounterId,
                kind,
                code,
                name,
                priority,
                clinicalNote,
                LabOrderStatus.COLLECTED,
                orderedBy,
                orderedAt,
                specimen,
                by,
                at,
                result,
                versions,
                cancelledBy,
                cancelledAt,
                cancelReason,
                at);
    }

    LabOrderView resulted(ResultVersion version, Instant at) {
        List<ResultVersion> all = new ArrayList<>(versions);
        all.removeIf(v -> v.version() == version.version());
        all.add(version);
        return new LabOrderView(
                orderId,
                patientId,
                encounterId,
                kind,
                code,
                name,
                priority,
                clinicalNote,
                LabOrderStatus.RESULTED,
                orderedBy,
                orderedAt,
                specimen,
                collectedBy,
                collectedAt,
                version.result(),
                all,
                cancelledBy,
                cancelledAt,
                cancelReason,
                at);
    }

    LabOrderView verified(int version, String by, Instant at) {
        List<ResultVersion> all = versions.stream()
                .map(v -> v.version() == version ? v.verified(by, at) : v)
                .toList();
        return new LabOrderView(
                orderId,
                patientId,
                encounterId,
                kind,
                code,
                name,
                priority,
                clinicalNote,
                LabOrderStatus.VERIFIED,
                orderedBy,
                orderedAt,
                specimen,
                collectedBy,
                collectedAt,
                result,
                all,
                cancelledBy,
                cancelledAt,
                cancelReason,
                at);
    }

    LabOrderView cancelled(String reason, String by, Instant at) {
        return new LabOrderView(
                orderId,
                patientId,
                encounterId,
                kind,
                code,
                name,
                priority,
                clinicalNote,
                LabOrderStatus.CANCELLED,
                orderedBy,
                orderedAt,
                specimen,
                collectedBy,
                collectedAt,
                result,
                versions,
                by,
                at,
                reason,
                at);
    }

    /** The order of an erased patient: what replaying its events gives once the key is gone. */
    LabOrderView erased() {
        return new LabOrderView(
                orderId,
                patientId,
                encounterId,
                kind,
                null,
                null,
                priority,
                null,
                status,
                orderedBy,
                orderedAt,
                null,
                collectedBy,
                collectedAt,
                null,
                versions.stream()
                        .map(v -> new ResultVersion(
                                v.version(), null, v.enteredBy(), v.enteredAt(), null, v.verifiedBy(), v.verifiedAt()))
                        .toList(),
                cancelledBy,
                cancelledAt,
                null,
                updatedAt);
    }
}
