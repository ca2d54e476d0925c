package org.carelog.projection.prescription;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The medication charts' read table, one row per patient. */
public interface MedicationChartRepository extends JpaRepository<MedicationChartEntry, UUID> {}
