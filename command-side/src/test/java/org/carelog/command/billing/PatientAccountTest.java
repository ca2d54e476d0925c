package org.carelog.command.billing;

import static org.carelog.command.practitioner.CarelogErrors.error;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.billing.DepositReceived;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.PatientAccountId;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.ReceiveDeposit;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;
import org.carelog.command.billing.BillingRegistry.PaymentReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientAccountTest {

    static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    static final PatientId RAHIM = PatientId.random();
    static final PatientAccountId ACCOUNT = new PatientAccountId(RAHIM);
    static final Map<String, Object> CASHIER = Map.of(MetadataKeys.USERNAME, "cashier1", MetadataKeys.ROLE, "BILLING");

    private AggregateTestFixture<PatientAccount> fixture;
    private InMemoryBillingRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PatientAccount.class);
        registry = new InMemoryBillingRegistry();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new FixedClock(NOW));
    }

    @Test
    void receivesADepositIntoThePatientsAccount() {
        UUID deposit = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new ReceiveDeposit(ACCOUNT, deposit, PaymentMethod.BKASH, Money.taka(5000), "TX1"), CASHIER)
                .expectEvents(new DepositReceived(
                        RAHIM, deposit, PaymentMethod.BKASH, Money.taka(5000), "TX1", "cashier1", NOW))
                .expectResultMessagePayload(deposit);
    }

    @Test
    void aRepeatedDepositIsRecordedOnce() {
        UUID deposit = UUID.randomUUID();
        fixture.given(new DepositReceived(RAHIM, deposit, PaymentMethod.CASH, Money.taka(5000), null, "cashier1", NOW))
                .when(new ReceiveDeposit(ACCOUNT, deposit, PaymentMethod.CASH, Money.taka(5000), null), CASHIER)
                .expectNoEvents();
    }

    @Test
    void aMobileDepositNeedsAnUnusedTransactionId() {
        fixture.givenNoPriorActivity()
                .when(
                        new ReceiveDeposit(ACCOUNT, UUID.randomUUID(), PaymentMethod.NAGAD, Money.taka(10), null),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reference"));
        registry.references.put("NAGAD/TX2", new PaymentReference(InvoiceId.random(), UUID.randomUUID()));
        fixture.givenNoPriorActivity()
                .when(
                        new ReceiveDeposit(ACCOUNT, UUID.randomUUID(), PaymentMethod.NAGAD, Money.taka(10), "TX2"),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }
}
