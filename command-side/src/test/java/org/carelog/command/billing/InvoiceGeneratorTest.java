package org.carelog.command.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeRequest;
import org.carelog.api.billing.GenerateInvoice;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.billing.BillingRegistry.EncounterCharges;
import org.carelog.command.billing.BillingRegistry.EncounterOrder;
import org.junit.jupiter.api.Test;

/** What the generator charges for a signed encounter, and that it charges it under stable ids. */
class InvoiceGeneratorTest {

    static final EncounterId VISIT = EncounterId.random();
    static final PatientId RAHIM = PatientId.random();
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final DepartmentId MEDICINE = DepartmentId.random();
    static final UUID CBC = UUID.randomUUID();
    static final UUID XRAY = UUID.randomUUID();

    static EncounterCharges facts() {
        return new EncounterCharges(
                RAHIM,
                DR_KARIM,
                MEDICINE,
                null,
                List.of(
                        new EncounterOrder(CBC, LabOrderKind.LAB, "58410-2", "CBC"),
                        new EncounterOrder(XRAY, LabOrderKind.IMAGING, null, "X-ray chest PA")));
    }

    @Test
    void chargesTheConsultationAndEveryOrderUnderStableKeys() {
        GenerateInvoice command = InvoiceGenerator.command(VISIT, facts());
        assertThat(command.invoiceId()).isEqualTo(InvoiceId.forEncounter(VISIT));
        assertThat(command.departmentId()).isEqualTo(MEDICINE);
        assertThat(command.charges())
                .containsExactly(
                        new ChargeRequest(
                                "consultation:" + VISIT,
                                ChargeCategory.CONSULTATION,
                                DR_KARIM.toString(),
                                null,
                                1,
                                null),
                        new ChargeRequest("lab-order:" + CBC, ChargeCategory.LAB, "58410-2", "CBC", 1, null),
                        new ChargeRequest(
                                "lab-order:" + XRAY,
                                ChargeCategory.IMAGING,
                                "X-ray chest PA",
                                "X-ray chest PA",
                                1,
                                null));
    }

    @Test
    void aRedeliveredSignatureGivesTheSameCommand() {
        assertThat(InvoiceGenerator.command(VISIT, facts())).isEqualTo(InvoiceGenerator.command(VISIT, facts()));
        assertThat(InvoiceId.forEncounter(VISIT)).isNotEqualTo(InvoiceId.forEncounter(EncounterId.random()));
    }
}
