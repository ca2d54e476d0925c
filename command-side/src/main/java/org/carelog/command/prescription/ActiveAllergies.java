package org.carelog.command.prescription;

import java.util.List;
import org.carelog.api.patient.PatientId;
import org.carelog.api.prescription.AllergyId;
import org.carelog.api.prescription.Substance;

/**
 * The patient's active allergies as the event store holds them when the command runs: a prescription is checked
 * against every allergy recorded before it, with no projection lag in between.
 */
public interface ActiveAllergies {

    List<ActiveAllergy> of(PatientId patient);

    /** An active allergy: what to and how severe (null for an erased patient's). */
    record ActiveAllergy(AllergyId allergyId, Substance substance, String severity) {}
}
