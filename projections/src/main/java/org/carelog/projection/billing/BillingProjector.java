package org.carelog.projection.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carelog.api.billing.DepositReceived;
import org.carelog.api.billing.InvoiceEvent;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.patient.PatientErased;
import org.springframework.stereotype.Component;

/**
 * Builds the billing read model with {@link InvoiceFold}: the invoices a batch touches are read once, folded in
 * memory and written back with the batch's cash entries in one JDBC batch before it commits (with its tracking
 * token). Idempotent: a redelivered batch starts again from the rows as they were, and a cash entry is keyed by
 * its payment's or refund's id. An erased patient's invoices are scrubbed to what a replay would show.
 */
@Component
@ReadModelTables({"billing_invoice", "billing_cash_entry"})
@ProcessingGroup(BillingProjector.PROCESSING_GROUP)
class BillingProjector {

    static final String PROCESSING_GROUP = "billing-invoices";

    private static final String BATCH = BillingProjector.class.getName() + ".batch";

    private final BillingStore store;

    BillingProjector(BillingStore store) {
        this.store = store;
    }

    @EventHandler
    void on(InvoiceEvent event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.USERNAME) String username) {
        Batch batch = batch();
        UUID id = event.invoiceId().value();
        InvoiceView current = batch.invoices.get(id);
        if (current == null && !(event instanceof InvoiceGenerated)) {
            current = store.load(List.of(id)).get(id);
        }
        InvoiceView next = InvoiceFold.apply(current, event, at, username);
        if (next == null) {
            return;
        }
        batch.invoices.put(id, next);
        if (event instanceof PaymentRecorded p) {
            batch.entries.add(new CashEntry(
                    p.paymentId(),
                    id,
                    next.number(),
                    next.patientId(),
                    "PAYMENT",
                    p.method(),
                    p.amount(),
                    p.reference(),
                    p.cashier(),
                    p.paidAt(),
                    next.departmentId(),
                    next.practitionerId()));
        } else if (event instanceof PaymentRefunded r) {
            batch.entries.add(new CashEntry(
                    r.refundId(),
                    id,
                    next.number(),
                    next.patientId(),
                    "REFUND",
                    r.method(),
                    r.amount(),
                    null,
                    username,
                    at,
                    next.departmentId(),
                    next.practitionerId()));
        }
        flushOutsideUnitOfWork(batch);
    }

    @EventHandler
    void on(DepositReceived event) {
        Batch batch = batch();
        batch.entries.add(new CashEntry(
                event.depositId(),
                null,
                null,
                event.patientId().value(),
                "DEPOSIT",
                event.method(),
                event.amount(),
                event.reference(),
                event.cashier(),
                event.receivedAt(),
                null,
                null));
        flushOutsideUnitOfWork(batch);
    }

    @EventHandler
    void on(PatientErased event) {
        Batch batch = batch();
        UUID patient = event.patientId().value();
        for (InvoiceView invoice : store.ofPatient(patient)) {
            batch.invoices.putIfAbsent(invoice.invoiceId(), invoice);
        }
        batch.invoices.replaceAll((id, invoice) -> invoice.patientId().equals(patient) ? invoice.erased() : invoice);
        flushOutsideUnitOfWork(batch);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    private void flushOutsideUnitOfWork(Batch batch) {
        if (!CurrentUnitOfWork.isStarted()) {
            store.save(batch.invoices.values(), batch.entries);
        }
    }

    private static final class Batch {
        final Map<UUID, InvoiceView> invoices = new LinkedHashMap<>();
        final List<CashEntry> entries = new ArrayList<>();
    }

    /** What this batch changed, written once before it commits. */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch changed = new Batch();
            root.onPrepareCommit(u -> store.save(changed.invoices.values(), changed.entries));
            return changed;
        });
    }
}
