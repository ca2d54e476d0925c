package org.carelog.query.clinical;

import java.time.Instant;
import org.carelog.api.patient.PatientId;

/**
 * The source of every field of the GraphQL type {@code PatientChart}: whose chart and, for an auditor's
 * reconstruction, the instant it is read as of (null for the chart as it is now). Each section's resolver
 * ({@code @SchemaMapping(typeName = "PatientChart")}) reads its read model when {@code asOf} is null, and
 * otherwise folds {@link PatientHistory#eventsUntil} with the same rules its projection applies.
 */
public record PatientChartView(PatientId patientId, Instant asOf) {}
