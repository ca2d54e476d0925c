package org.carelog.api.clinical;

import org.carelog.api.patient.PatientId;

/**
 * An event that changes a patient's health record, whichever aggregate published it (encounter, allergy
 * list, prescription, lab order...). The patient record index lists every such event per patient, which is
 * how {@code recordHistory} and {@code patientChart(asOf:)} find a patient's events without scanning the
 * store. Every clinical event type implements it; its {@code patientId} is also the event's
 * {@code @DataSubject}.
 */
public interface PatientRecordEvent {

    PatientId patientId();
}
