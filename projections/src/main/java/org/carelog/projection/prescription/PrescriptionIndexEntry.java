package org.carelog.projection.prescription;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** Finds a prescription's patient by prescription id or by the verification reference its QR code carries. */
@Entity
@Table(name = "prescription_index")
public class PrescriptionIndexEntry implements Persistable<UUID> {

    @Id
    private UUID prescriptionId;

    private UUID patientId;
    private String verificationReference;

    @Transient
    private boolean fresh;

    protected PrescriptionIndexEntry() {}

    PrescriptionIndexEntry(UUID prescriptionId, UUID patientId, String verificationReference) {
        this.prescriptionId = prescriptionId;
        this.patientId = patientId;
        this.verificationReference = verificationReference;
        this.fresh = true;
    }

    @Override
    public UUID getId() {
        return prescriptionId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    public UUID patientId() {
        return patientId;
    }
}
