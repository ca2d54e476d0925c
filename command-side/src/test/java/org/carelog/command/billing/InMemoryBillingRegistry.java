package org.carelog.command.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.Money;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/** The billing registry in memory, for fixtures: what the JDBC one answers from its tables. */
class InMemoryBillingRegistry implements BillingRegistry {

    final Map<String, TreeMap<Instant, Price>> prices = new HashMap<>();
    final Map<String, TreeMap<Instant, ConsultationFees>> fees = new HashMap<>();
    final Map<String, Instant> consultations = new HashMap<>();
    final Map<String, PaymentReference> references = new HashMap<>();
    final Map<EncounterId, EncounterCharges> encounters = new HashMap<>();
    int lastNumber;

    InMemoryBillingRegistry price(ChargeCategory category, String code, String name, String amount, Instant from) {
        recordPrice(new PriceKey(category, code), name, Money.taka(amount), from);
        return this;
    }

    InMemoryBillingRegistry fees(PractitionerId practitioner, ConsultationFees f, Instant from) {
        recordConsultationFees(new PriceKey(ChargeCategory.CONSULTATION, practitioner.toString()), f, from);
        return this;
    }

    @Override
    public Optional<Price> priceAt(PriceKey key, Instant at) {
        var entries = prices.get(key.toString());
        return Optional.ofNullable(entries == null ? null : entries.floorEntry(at))
                .map(Map.Entry::getValue);
    }

    @Override
    public Optional<ConsultationFees> consultationFeesAt(PractitionerId practitioner, Instant at) {
        var entries = fees.get(new PriceKey(ChargeCategory.CONSULTATION, practitioner.toString()).toString());
        return Optional.ofNullable(entries == null ? null : entries.floorEntry(at))
                .map(Map.Entry::getValue);
    }

    @Override
    public Optional<Instant> lastChargedConsultation(PatientId patient, PractitionerId practitioner) {
        return Optional.ofNullable(consultations.get(patient + "/" + practitioner));
    }

    @Override
    public String allocateInvoiceNumber(String prefix, int year) {
        return String.format("%s-%d-%06d", prefix, year, ++lastNumber);
    }

    @Override
    public Optional<PaymentReference> paymentWithReference(PaymentMethod method, String reference) {
        return Optional.ofNullable(references.get(method + "/" + reference));
    }

    @Override
    public Optional<EncounterCharges> encounterCharges(EncounterId encounter) {
        return Optional.ofNullable(encounters.get(encounter));
    }

    @Override
    public void recordPrice(PriceKey key, String name, Money amount, Instant effectiveFrom) {
        prices.computeIfAbsent(key.toString(), k -> new TreeMap<>()).put(effectiveFrom, new Price(name, amount));
    }

    @Override
    public void recordConsultationFees(PriceKey key, ConsultationFees f, Instant effectiveFrom) {
        fees.computeIfAbsent(key.toString(), k -> new TreeMap<>()).put(effectiveFrom, f);
    }

    @Override
    public void recordEncounter(
            EncounterId encounter, PatientId patient, PractitionerId attending, UUID appointmentId) {
        encounters.put(encounter, new EncounterCharges(patient, attending, null, appointmentId, new ArrayList<>()));
    }

    @Override
    public void recordOrder(EncounterId encounter, UUID orderId, LabOrderKind kind, String code, String name) {
        List<EncounterOrder> orders = encounters.get(encounter).orders();
        orders.add(new EncounterOrder(orderId, kind, code, name));
    }

    @Override
    public void cancelOrder(UUID orderId) {
        encounters.values().forEach(e -> e.orders().removeIf(o -> o.orderId().equals(orderId)));
    }

    @Override
    public void recordChargedConsultation(
            InvoiceId invoice, PatientId patient, PractitionerId practitioner, Instant at) {
        consultations.put(patient + "/" + practitioner, at);
    }

    @Override
    public void forgetConsultations(InvoiceId invoice) {}

    @Override
    public void recordPaymentReference(PaymentMethod method, String reference, InvoiceId invoice, UUID paymentId) {
        references.put(method + "/" + reference, new PaymentReference(invoice, paymentId));
    }

    @Override
    public void erase(PatientId patient) {}
}
