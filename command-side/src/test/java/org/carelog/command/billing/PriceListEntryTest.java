package org.carelog.command.billing;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ConsultationFeesSet;
import org.carelog.api.billing.PriceKey;
import org.carelog.api.billing.PriceSet;
import org.carelog.api.billing.SetConsultationFees;
import org.carelog.api.billing.SetPrice;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Money;
import org.carelog.api.practitioner.PractitionerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriceListEntryTest {

    static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    static final PriceKey CBC = new PriceKey(ChargeCategory.LAB, "58410-2");
    static final PriceKey KARIM =
            new PriceKey(ChargeCategory.CONSULTATION, PractitionerId.random().toString());

    private AggregateTestFixture<PriceListEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PriceListEntry.class);
        fixture.registerInjectableResource(new FixedClock(NOW));
    }

    @Test
    void aPriceTakesEffectNowWhenNoInstantIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new SetPrice(CBC, "Complete blood count", Money.taka(400), null))
                .expectEvents(new PriceSet(CBC, "Complete blood count", Money.taka(400), NOW));
    }

    @Test
    void aLaterPriceIsAddedBesideTheCurrentOne() {
        Instant next = NOW.plus(Duration.ofDays(30));
        fixture.given(new PriceSet(CBC, "Complete blood count", Money.taka(400), NOW))
                .when(new SetPrice(CBC, "Complete blood count", Money.taka(450), next))
                .expectEvents(new PriceSet(CBC, "Complete blood count", Money.taka(450), next));
    }

    @Test
    void neverTakesEffectInThePast() {
        fixture.givenNoPriorActivity()
                .when(new SetPrice(CBC, "Complete blood count", Money.taka(400), NOW.minusSeconds(1)))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "effectiveFrom"));
    }

    @Test
    void refusesANegativePrice() {
        fixture.givenNoPriorActivity()
                .when(new SetPrice(CBC, "Complete blood count", Money.taka(-1), null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "amount"));
    }

    @Test
    void refusesAConsultationSetAsAPrice() {
        fixture.givenNoPriorActivity()
                .when(new SetPrice(KARIM, "Consultation", Money.taka(500), null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "category"));
    }

    @Test
    void setsConsultationFeesWithRevisitWindows() {
        fixture.givenNoPriorActivity()
                .when(new SetConsultationFees(KARIM, Money.taka(1000), Money.taka(500), 30, 7, null))
                .expectEvents(new ConsultationFeesSet(KARIM, Money.taka(1000), Money.taka(500), 30, 7, NOW));
    }

    @Test
    void theFollowUpWindowIsNoShorterThanTheFreeRevisitWindow() {
        fixture.givenNoPriorActivity()
                .when(new SetConsultationFees(KARIM, Money.taka(1000), Money.taka(500), 5, 7, null))
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "followUpDays"));
    }
}
