package org.carelog.command.common;

import java.util.Optional;
import org.carelog.api.practitioner.PractitionerId;

/**
 * The practitioner a staff account acts as (set by an administrator with {@code linkStaffToPractitioner}).
 * Command handlers ask it with the username in the command's metadata: a prescription is signed with the
 * BMDC registration of the signer's practitioner, an encounter's attending clinician is one.
 */
public interface StaffPractitioners {

    Optional<PractitionerId> practitionerOf(String username);
}
