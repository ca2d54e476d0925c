package org.carelog.api.lab;

import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * A test or study was ordered. What was ordered is health data (a test reveals what is suspected), so the code,
 * its name and the note are encrypted with the patient's key; kind and priority are not.
 *
 * @param code the LOINC number, or null for an imaging study named only by {@code name}
 * @param name the catalogue's name of the test, or the study as written
 * @param encounterId the encounter it was ordered in, or null (a walk-in to the laboratory)
 */
@Revision("1")
public record LabTestOrdered(
        @DataSubject PatientId patientId,
        LabOrderId orderId,
        EncounterId encounterId,
        LabOrderKind kind,
        @PersonalData String code,
        @PersonalData String name,
        LabPriority priority,
        @PersonalData String clinicalNote)
        implements LabEvent {}
