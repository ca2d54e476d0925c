package org.carelog.command.billing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ConsultationFeesSet;
import org.carelog.api.billing.ConsultationVisit;
import org.carelog.api.billing.DepositReceived;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PriceSet;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.lab.LabOrderCancelled;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientErased;
import org.carelog.command.billing.BillingRegistry.ConsultationFees;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link BillingRegistry}. A <em>subscribing</em> processor (application.yml): it runs in the
 * transaction that appends the events, so an invoice sees exactly the committed prices and payments, and a
 * provider transaction id recorded twice fails the second append on the table's unique key.
 */
@Component
@ReadModelTables({
    "billing_price",
    "billing_encounter",
    "billing_encounter_order",
    "billing_consultation",
    "billing_payment_reference"
})
@ProcessingGroup(BillingLookupUpdater.PROCESSING_GROUP)
class BillingLookupUpdater {

    static final String PROCESSING_GROUP = "billing-lookup";

    private final BillingRegistry registry;

    BillingLookupUpdater(BillingRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(PriceSet event) {
        registry.recordPrice(event.key(), event.name(), event.amount(), event.effectiveFrom());
    }

    @EventHandler
    void on(ConsultationFeesSet event) {
        registry.recordConsultationFees(
                event.key(),
                new ConsultationFees(event.newVisit(), event.followUp(), event.followUpDays(), event.freeRevisitDays()),
                event.effectiveFrom());
    }

    @EventHandler
    void on(EncounterOpened event) {
        registry.recordEncounter(event.encounterId(), event.patientId(), event.attending(), event.appointmentId());
    }

    @EventHandler
    void on(LabTestOrdered event) {
        if (event.encounterId() != null) {
            registry.recordOrder(
                    event.encounterId(), event.orderId().value(), event.kind(), event.code(), event.name());
        }
    }

    @EventHandler
    void on(LabOrderCancelled event) {
        registry.cancelOrder(event.orderId().value());
    }

    @EventHandler
    void on(InvoiceGenerated event) {
        if (event.practitionerId() == null) {
            return;
        }
        for (InvoiceCharge charge : event.charges()) {
            if (charge.category() == ChargeCategory.CONSULTATION && charge.visit() != ConsultationVisit.FREE_REVISIT) {
                registry.recordChargedConsultation(
                        event.invoiceId(), event.patientId(), event.practitionerId(), event.pricedAt());
            }
        }
    }

    @EventHandler
    void on(InvoiceVoided event) {
        registry.forgetConsultations(event.invoiceId());
    }

    @EventHandler
    void on(PaymentRecorded event) {
        if (event.reference() != null && event.method() != PaymentMethod.CASH) {
            registry.recordPaymentReference(event.method(), event.reference(), event.invoiceId(), event.paymentId());
        }
    }

    @EventHandler
    void on(DepositReceived event) {
        if (event.reference() != null && event.method() != PaymentMethod.CASH) {
            registry.recordPaymentReference(event.method(), event.reference(), null, event.depositId());
        }
    }

    @EventHandler
    void on(PatientErased event) {
        registry.erase(event.patientId());
    }
}
