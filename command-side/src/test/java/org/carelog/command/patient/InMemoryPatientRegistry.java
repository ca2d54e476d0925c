package org.carelog.command.patient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.DuplicateCandidate;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NameMatching;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;

/**
 * The patient registry in memory, with the semantics of the JDBC one in infra: identifiers claimed per
 * kind and value, an MRN sequence that never goes back (like a database sequence), duplicates found by
 * the same phone or the same date of birth together with a similar name. Writes are undone when the
 * command's unit of work rolls back, as the database transaction would be.
 */
class InMemoryPatientRegistry implements PatientRegistry {

    private record Claim(IdentifierKind kind, String value) {}

    private record Facts(
            PatientId patient, MedicalRecordNumber mrn, PersonName name, BirthDate birthDate, PhoneNumber phone) {}

    private final String mrnPrefix;
    private long lastSequence;
    private final Map<Claim, PatientId> claims = new HashMap<>();
    private final Map<PatientId, Facts> facts = new LinkedHashMap<>();

    InMemoryPatientRegistry(String mrnPrefix, long lastSequence) {
        this.mrnPrefix = mrnPrefix;
        this.lastSequence = lastSequence;
    }

    @Override
    public Optional<DuplicateCandidate> claim(PatientId patient, IdentifierKind kind, String value) {
        Claim claim = new Claim(kind, value);
        PatientId holder = claims.putIfAbsent(claim, patient);
        if (holder == null) {
            onRollback(() -> claims.remove(claim, patient));
            return Optional.empty();
        }
        if (holder.equals(patient)) {
            return Optional.empty();
        }
        String reason = kind == IdentifierKind.NATIONAL_ID ? "same national ID" : "same birth registration number";
        return Optional.of(Optional.ofNullable(facts.get(holder))
                .map(f -> candidate(f, reason))
                .orElse(new DuplicateCandidate(holder.toString(), "", "", reason)));
    }

    @Override
    public void release(PatientId patient, IdentifierKind kind, String value) {
        Claim claim = new Claim(kind, value);
        if (claims.remove(claim, patient)) {
            onRollback(() -> claims.put(claim, patient));
        }
    }

    @Override
    public void forget(PatientId patient) {
        Map<Claim, PatientId> claimsBefore = new HashMap<>(claims);
        Facts factsBefore = facts.get(patient);
        claims.values().removeIf(patient::equals);
        facts.remove(patient);
        onRollback(() -> {
            claims.putAll(claimsBefore);
            if (factsBefore != null) {
                facts.put(patient, factsBefore);
            }
        });
    }

    @Override
    public MedicalRecordNumber assignMrn() {
        return MedicalRecordNumber.of(mrnPrefix, ++lastSequence);
    }

    @Override
    public List<DuplicateCandidate> probableDuplicates(
            PatientId self, PersonName name, BirthDate birthDate, PhoneNumber phone) {
        List<DuplicateCandidate> candidates = new ArrayList<>();
        for (Facts other : facts.values()) {
            if (other.patient().equals(self) || !NameMatching.similar(name, other.name())) {
                continue;
            }
            boolean samePhone = phone != null && phone.equals(other.phone());
            boolean sameBirth = birthDate != null
                    && other.birthDate() != null
                    && birthDate.date().equals(other.birthDate().date());
            if (samePhone || sameBirth) {
                candidates.add(candidate(
                        other,
                        samePhone && sameBirth
                                ? "same phone, date of birth and similar name"
                                : samePhone ? "same phone and similar name" : "same date of birth and similar name"));
            }
        }
        return candidates;
    }

    @Override
    public void remember(
            PatientId patient, MedicalRecordNumber mrn, PersonName name, BirthDate birthDate, PhoneNumber phone) {
        Facts before = facts.put(patient, new Facts(patient, mrn, name, birthDate, phone));
        onRollback(() -> {
            if (before == null) {
                facts.remove(patient);
            } else {
                facts.put(patient, before);
            }
        });
    }

    /** Who holds an identifier now, to check claims and releases from a test. */
    Optional<PatientId> holderOf(IdentifierKind kind, String value) {
        return Optional.ofNullable(claims.get(new Claim(kind, value)));
    }

    /** A patient registered before the test, in another aggregate: their identifiers and match facts. */
    void registered(
            PatientId patient,
            MedicalRecordNumber mrn,
            PersonName name,
            BirthDate birthDate,
            PhoneNumber phone,
            String nationalId) {
        remember(patient, mrn, name, birthDate, phone);
        if (nationalId != null
                && claim(patient, IdentifierKind.NATIONAL_ID, nationalId).isPresent()) {
            throw new IllegalStateException("national ID " + nationalId + " is already claimed");
        }
    }

    private static DuplicateCandidate candidate(Facts facts, String reason) {
        return new DuplicateCandidate(
                facts.patient().toString(), facts.mrn().value(), facts.name().display(), reason);
    }

    private static void onRollback(Runnable undo) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> undo.run()));
    }
}
