package org.carelog.projection.prescription;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One patient's medication chart (allergies and prescriptions) as a JSON document of {@link MedicationChart}. */
@Entity
@Table(name = "medication_chart")
public class MedicationChartEntry implements Persistable<UUID> {

    @Id
    private UUID patientId;

    private String document;
    private Instant updatedAt;

    @Transient
    private boolean fresh;

    protected MedicationChartEntry() {}

    static MedicationChartEntry create(UUID patientId) {
        MedicationChartEntry entry = new MedicationChartEntry();
        entry.patientId = patientId;
        entry.fresh = true;
        return entry;
    }

    @Override
    public UUID getId() {
        return patientId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public String document() {
        return document;
    }

    void document(String document, Instant at) {
        this.document = document;
        this.updatedAt = at;
    }
}
