package org.carelog.command.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.Money;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;

/**
 * What billing needs beyond one invoice's events, read in the command's transaction from command-side tables
 * kept by {@link BillingLookupUpdater} (subscribing, in the events' own transaction): prices in force, billed
 * consultations, provider transaction ids already recorded, and what each encounter may be charged for.
 * Implemented in infra.
 */
public interface BillingRegistry {

    record Price(String name, Money amount) {}

    record ConsultationFees(Money newVisit, Money followUp, int followUpDays, int freeRevisitDays) {}

    record EncounterOrder(UUID orderId, LabOrderKind kind, String code, String name) {}

    /** An encounter's chargeable facts: whose, with whom, in which department (the practitioner's), its orders. */
    record EncounterCharges(
            PatientId patientId,
            PractitionerId practitionerId,
            DepartmentId departmentId,
            UUID appointmentId,
            List<EncounterOrder> orders) {}

    /** A recorded provider transaction: the invoice (null for an advance deposit) and the payment's id. */
    record PaymentReference(InvoiceId invoiceId, UUID paymentId) {}

    /** The price in force at {@code at}: the entry with the latest effective instant not after it. */
    Optional<Price> priceAt(PriceKey key, Instant at);

    Optional<ConsultationFees> consultationFeesAt(PractitionerId practitioner, Instant at);

    /** When the patient's last charged (not free, not void) consultation with the practitioner was priced. */
    Optional<Instant> lastChargedConsultation(PatientId patient, PractitionerId practitioner);

    /** The next invoice number of the year, allocated in the command's transaction (rolled back with it). */
    String allocateInvoiceNumber(String prefix, int year);

    /** The payment that already carries this provider transaction id (or card reference), if any. */
    Optional<PaymentReference> paymentWithReference(PaymentMethod method, String reference);

    Optional<EncounterCharges> encounterCharges(EncounterId encounter);

    // --- kept in the transaction of the events ---

    void recordPrice(PriceKey key, String name, Money amount, Instant effectiveFrom);

    void recordConsultationFees(PriceKey key, ConsultationFees fees, Instant effectiveFrom);

    void recordEncounter(EncounterId encounter, PatientId patient, PractitionerId attending, UUID appointmentId);

    void recordOrder(EncounterId encounter, UUID orderId, LabOrderKind kind, String code, String name);

    void cancelOrder(UUID orderId);

    void recordChargedConsultation(InvoiceId invoice, PatientId patient, PractitionerId practitioner, Instant at);

    void forgetConsultations(InvoiceId invoice);

    /** Unique per method and reference: a second insert fails the transaction (DuplicateKeyException). */
    void recordPaymentReference(PaymentMethod method, String reference, InvoiceId invoice, UUID paymentId);

    /** Forgets what the patient's encounters ordered (codes are health data). */
    void erase(PatientId patient);
}
