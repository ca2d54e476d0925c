package org.carelog.api.prescription;

import java.time.LocalDate;

/** A medicine the patient is taking: an item of a signed, not replaced prescription, within its course and not stopped. */
public record CurrentMedication(
        String prescriptionId, int item, PrescribedItem medicine, LocalDate startedOn, LocalDate lastDay) {}
