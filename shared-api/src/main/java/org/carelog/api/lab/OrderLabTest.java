package org.carelog.api.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;

/**
 * Orders a lab test (LOINC number from the catalogue) or an imaging study for a patient, from an encounter or,
 * for a walk-in to the laboratory, without one.
 *
 * @param code the LOINC number; for IMAGING, a LOINC number or null with {@code study} naming the study
 * @param study the imaging study as written (such as "X-ray chest PA"), when it has no LOINC number here
 */
public record OrderLabTest(
        @TargetAggregateIdentifier LabOrderId orderId,
        PatientId patientId,
        EncounterId encounterId,
        LabOrderKind kind,
        String code,
        String study,
        LabPriority priority,
        String clinicalNote) {}
