package org.carelog.api.patient;

import org.carelog.api.common.Text;

/** Who to call for the patient. */
public record EmergencyContact(String name, String relationship, PhoneNumber phone) {

    public EmergencyContact {
        name = Text.clean(name);
        relationship = Text.clean(relationship);
    }
}
