package org.carelog.projection.patient;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The patient directory's read table. Each search uses one index: MRN, phone, national id, birth
 * registration number, or the trigram index on the name search key; results are keyset-paged by MRN.
 */
public interface PatientDirectoryRepository extends JpaRepository<PatientDirectoryEntry, UUID> {

    List<PatientDirectoryEntry> findByMrnSequenceGreaterThanOrderByMrnSequence(long after, Limit limit);

    List<PatientDirectoryEntry> findByMrnAndMrnSequenceGreaterThanOrderByMrnSequence(
            String mrn, long after, Limit limit);

    List<PatientDirectoryEntry> findByPhoneAndMrnSequenceGreaterThanOrderByMrnSequence(
            String phone, long after, Limit limit);

    @Query("select e from PatientDirectoryEntry e where (e.nationalId = :digits or e.birthRegistrationNumber = :digits)"
            + " and e.mrnSequence > :after order by e.mrnSequence")
    List<PatientDirectoryEntry> findByIdentityNumber(
            @Param("digits") String digits, @Param("after") long after, Limit limit);

    @Query("select e from PatientDirectoryEntry e where (e.searchKey like :first escape '\\' or e.searchKey like"
            + " :second escape '\\') and e.mrnSequence > :after order by e.mrnSequence")
    List<PatientDirectoryEntry> findByName(
            @Param("first") String firstPattern,
            @Param("second") String secondPattern,
            @Param("after") long after,
            Limit limit);
}
