package org.carelog.api.prescription;

import java.util.UUID;
import org.carelog.api.common.Ids;

/** One allergy or intolerance in a patient's list. */
public record AllergyId(UUID value) {

    public AllergyId {
        if (value == null) {
            throw new IllegalArgumentException("allergy id is required");
        }
    }

    public static AllergyId random() {
        return new AllergyId(UUID.randomUUID());
    }

    public static AllergyId parse(String field, String raw) {
        return new AllergyId(Ids.uuid(field, raw, "allergy"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
