package org.carelog.command.patient;

import java.util.List;
import java.util.Optional;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.DuplicateCandidate;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;

/**
 * The command side's set-based view of all patients: identifiers that must be unique, the MRN
 * sequence, and the facts needed to spot probable duplicates. Implementations write in the
 * transaction of the command, so the registry and the event store never disagree.
 */
public interface PatientRegistry {

    enum IdentifierKind {
        NATIONAL_ID,
        BIRTH_REGISTRATION
    }

    /**
     * Claims an identifier for a patient. Empty when it is now theirs (or already was); otherwise the
     * patient who holds it. A concurrent claim of the same value waits for the other to finish.
     */
    Optional<DuplicateCandidate> claim(PatientId patient, IdentifierKind kind, String value);

    /** Gives up an identifier the patient no longer has. */
    void release(PatientId patient, IdentifierKind kind, String value);

    /** The next medical record number; never handed out twice. */
    MedicalRecordNumber assignMrn();

    /**
     * Other patients with the same phone and a similar name, or the same date of birth and a similar
     * name. Registrations with the same phone are serialised while the caller's transaction lasts.
     */
    List<DuplicateCandidate> probableDuplicates(
            PatientId self, PersonName name, BirthDate birthDate, PhoneNumber phone);

    /** Records (or updates) the facts duplicate detection compares. */
    void remember(PatientId patient, MedicalRecordNumber mrn, PersonName name, BirthDate birthDate, PhoneNumber phone);

    /** Removes everything the registry holds about the patient (on erasure): identifiers and match facts. */
    void forget(PatientId patient);
}
