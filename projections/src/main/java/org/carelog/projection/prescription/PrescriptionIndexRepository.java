package org.carelog.projection.prescription;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Prescription id and verification reference to patient. */
public interface PrescriptionIndexRepository extends JpaRepository<PrescriptionIndexEntry, UUID> {

    Optional<PrescriptionIndexEntry> findByVerificationReference(String verificationReference);

    List<PrescriptionIndexEntry> findByPatientId(UUID patientId);
}
