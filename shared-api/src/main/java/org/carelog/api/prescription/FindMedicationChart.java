package org.carelog.api.prescription;

import org.carelog.api.patient.PatientId;

/** A patient's allergies and prescriptions as the read model holds them now; answers {@link MedicationChartView}. */
public record FindMedicationChart(PatientId patientId) {}
