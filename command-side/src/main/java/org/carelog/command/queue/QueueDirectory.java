package org.carelog.command.queue;

import java.util.Optional;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;

/** What a token queue needs to know beyond its own events, read in the command's transaction. */
public interface QueueDirectory {

    /** The code of a service point that exists and is open; empty otherwise. */
    Optional<ServicePointCode> openServicePointCode(ServicePointId servicePoint);

    /** Whether a patient is registered (and not erased). */
    boolean patientRegistered(PatientId patient);
}
