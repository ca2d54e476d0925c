package org.carelog.projection.clinical;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisStatus;

/** One diagnosis and where it stands; code, title and reason are null after erasure. */
public record DiagnosisRow(
        UUID diagnosisId,
        UUID encounterId,
        UUID patientId,
        DiagnosisRank rank,
        String system,
        String code,
        String title,
        boolean uncoded,
        DiagnosisStatus status,
        String statusReason,
        Instant recordedAt,
        String recordedBy,
        Instant changedAt) {

    DiagnosisRow withStatus(DiagnosisStatus newStatus, String reason, Instant at) {
        return new DiagnosisRow(
                diagnosisId,
                encounterId,
                patientId,
                rank,
                system,
                code,
                title,
                uncoded,
                newStatus,
                reason,
                recordedAt,
                recordedBy,
                at);
    }
}
