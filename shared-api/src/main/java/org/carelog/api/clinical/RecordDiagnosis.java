package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.reference.CodeSystem;

/** Records a diagnosis: a {@code code} of {@code system}, or an explicit {@code uncodedText}, not both. */
public record RecordDiagnosis(
        @TargetAggregateIdentifier EncounterId encounterId,
        UUID diagnosisId,
        DiagnosisRank rank,
        CodeSystem system,
        String code,
        String uncodedText) {}
