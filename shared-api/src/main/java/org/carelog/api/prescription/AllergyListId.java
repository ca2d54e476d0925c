package org.carelog.api.prescription;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.carelog.api.patient.PatientId;

/**
 * A patient's list of allergies and intolerances: the allergy list aggregate's identity. Not the bare patient
 * id (the Patient aggregate has that one in the event store) but a name-based UUID of {@code
 * allergies:<patientId>}, so each patient has exactly one list and anyone can compute its id.
 */
public record AllergyListId(UUID value) {

    public AllergyListId {
        if (value == null) {
            throw new IllegalArgumentException("allergy list id is required");
        }
    }

    public static AllergyListId of(PatientId patient) {
        return new AllergyListId(UUID.nameUUIDFromBytes(("allergies:" + patient).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
