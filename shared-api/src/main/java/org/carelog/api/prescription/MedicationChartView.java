package org.carelog.api.prescription;

import java.util.List;

/** A patient's allergies and signed prescriptions (newest first). */
public record MedicationChartView(List<AllergySummary> allergies, List<PrescriptionSummary> prescriptions) {}
