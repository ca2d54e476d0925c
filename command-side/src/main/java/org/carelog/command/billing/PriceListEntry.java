package org.carelog.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ConsultationFeesSet;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.billing.PriceSet;
import org.carelog.api.billing.SetConsultationFees;
import org.carelog.api.billing.SetPrice;
import org.carelog.api.common.Money;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;

/**
 * One entry of the price list (a lab test, a study, a procedure, a service, a pharmacy item, or one
 * practitioner's consultation): its prices over time. A price takes effect now or later, never in the past, so
 * what an invoice was charged stays what the list said then; invoices copy the price anyway.
 */
@Aggregate
class PriceListEntry {

    static final int NAME_LENGTH = 200;
    static final int MAX_DAYS = 365;

    @AggregateIdentifier
    private PriceKey key;

    PriceListEntry() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetPrice command, Clock clock) {
        Violations violations = new Violations();
        if (command.key() == null || command.key().category() == ChargeCategory.CONSULTATION) {
            violations.reject("category", "consultation fees are set per practitioner with setConsultationFees");
        }
        String name = violations.check("name", () -> Text.required("name", command.name(), NAME_LENGTH));
        requireAmount(violations, "amount", command.amount());
        Instant from = effectiveFrom(violations, command.effectiveFrom(), clock);
        violations.throwIfAny();
        apply(new PriceSet(command.key(), name, command.amount(), from));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetConsultationFees command, Clock clock) {
        Violations violations = new Violations();
        if (command.key() == null || command.key().category() != ChargeCategory.CONSULTATION) {
            violations.reject("practitionerId", "is required");
        }
        requireAmount(violations, "newVisit", command.newVisit());
        requireAmount(violations, "followUp", command.followUp());
        if (command.freeRevisitDays() < 0 || command.freeRevisitDays() > MAX_DAYS) {
            violations.reject("freeRevisitDays", "must be from 0 to " + MAX_DAYS);
        }
        if (command.followUpDays() < command.freeRevisitDays() || command.followUpDays() > MAX_DAYS) {
            violations.reject("followUpDays", "must be from freeRevisitDays to " + MAX_DAYS);
        }
        Instant from = effectiveFrom(violations, command.effectiveFrom(), clock);
        violations.throwIfAny();
        apply(new ConsultationFeesSet(
                command.key(),
                command.newVisit(),
                command.followUp(),
                command.followUpDays(),
                command.freeRevisitDays(),
                from));
    }

    private static void requireAmount(Violations violations, String field, Money amount) {
        if (amount == null || amount.negative()) {
            violations.reject(field, "must be 0 or more");
        }
    }

    private static Instant effectiveFrom(Violations violations, Instant requested, Clock clock) {
        Instant now = clock.instant();
        if (requested == null) {
            return now;
        }
        if (requested.isBefore(now)) {
            violations.reject("effectiveFrom", "a price takes effect now or later, never in the past");
        }
        return requested;
    }

    @EventSourcingHandler
    void on(PriceSet event) {
        key = event.key();
    }

    @EventSourcingHandler
    void on(ConsultationFeesSet event) {
        key = event.key();
    }
}
