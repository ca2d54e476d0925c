package org.carelog.command.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.command.practitioner.CarelogErrors.error;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carelog.api.billing.ApplyDiscount;
import org.carelog.api.billing.BillingPolicy;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeDetail;
import org.carelog.api.billing.ChargeRequest;
import org.carelog.api.billing.ConfirmOnlinePayment;
import org.carelog.api.billing.ConsultationVisit;
import org.carelog.api.billing.CreditNoteIssued;
import org.carelog.api.billing.GenerateInvoice;
import org.carelog.api.billing.GeneratedInvoice;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceDiscounted;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.billing.InvoiceIssued;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.IssueCreditNote;
import org.carelog.api.billing.IssueInvoice;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.billing.RecordPayment;
import org.carelog.api.billing.RecordedPayment;
import org.carelog.api.billing.RefundPayment;
import org.carelog.api.billing.VoidInvoice;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Money;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.billing.BillingRegistry.ConsultationFees;
import org.carelog.command.billing.BillingRegistry.PaymentReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    static final Instant NOW = Instant.parse("2026-03-10T04:00:00Z");
    static final PatientId RAHIM = PatientId.random();
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final EncounterId VISIT = EncounterId.random();
    static final InvoiceId INVOICE = InvoiceId.forEncounter(VISIT);
    static final UUID CBC_ORDER = UUID.randomUUID();
    static final Map<String, Object> CASHIER = Map.of(MetadataKeys.USERNAME, "cashier1", MetadataKeys.ROLE, "BILLING");
    static final Map<String, Object> ADMIN = Map.of(MetadataKeys.USERNAME, "manager", MetadataKeys.ROLE, "ADMIN");

    private AggregateTestFixture<Invoice> fixture;
    private InMemoryBillingRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        registry = new InMemoryBillingRegistry()
                .fees(
                        DR_KARIM,
                        new ConsultationFees(Money.taka(1000), Money.taka(500), 30, 7),
                        NOW.minus(Duration.ofDays(100)))
                .price(ChargeCategory.LAB, "58410-2", "Complete blood count", "400", NOW.minus(Duration.ofDays(100)))
                // A later price: invoices generated now keep the price in force now.
                .price(ChargeCategory.LAB, "58410-2", "Complete blood count", "450", NOW.plus(Duration.ofDays(1)))
                .price(
                        ChargeCategory.PHARMACY,
                        "PARA500",
                        "Paracetamol 500 mg",
                        "33.33",
                        NOW.minus(Duration.ofDays(1)));
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new FixedClock(NOW));
        fixture.registerInjectableResource(new BillingPolicy(
                "INV", BigDecimal.TEN, Set.of("ADMIN"), Map.of(ChargeCategory.PHARMACY, new BigDecimal("7.5"))));
    }

    static GenerateInvoice encounterInvoice() {
        return new GenerateInvoice(
                INVOICE,
                RAHIM,
                VISIT,
                DR_KARIM,
                null,
                null,
                List.of(
                        new ChargeRequest(
                                "consultation:" + VISIT,
                                ChargeCategory.CONSULTATION,
                                DR_KARIM.toString(),
                                null,
                                1,
                                null),
                        new ChargeRequest("lab-order:" + CBC_ORDER, ChargeCategory.LAB, "58410-2", "CBC", 1, null)));
    }

    /** A 1,400.00 taka draft: a new visit (1,000) and a blood count (400). */
    static InvoiceGenerated generated() {
        return new InvoiceGenerated(
                RAHIM,
                INVOICE,
                "INV-2026-000001",
                VISIT,
                DR_KARIM,
                null,
                null,
                NOW,
                List.of(
                        InvoiceCharge.priced(
                                "consultation:" + VISIT,
                                ChargeCategory.CONSULTATION,
                                ConsultationVisit.NEW,
                                1,
                                Money.taka(1000),
                                BigDecimal.ZERO),
                        InvoiceCharge.priced(
                                "lab-order:" + CBC_ORDER,
                                ChargeCategory.LAB,
                                null,
                                1,
                                Money.taka(400),
                                BigDecimal.ZERO)),
                List.of(
                        new ChargeDetail("consultation:" + VISIT, DR_KARIM.toString(), "Consultation (new visit)"),
                        new ChargeDetail("lab-order:" + CBC_ORDER, "58410-2", "CBC")));
    }

    static InvoiceIssued issued() {
        return new InvoiceIssued(RAHIM, INVOICE, Money.taka(1400));
    }

    static PaymentRecorded cash(UUID id, long amount) {
        return new PaymentRecorded(
                RAHIM,
                INVOICE,
                id,
                PaymentMethod.CASH,
                Money.taka(amount),
                Money.taka(amount),
                Money.ZERO,
                null,
                "cashier1",
                NOW);
    }

    // --- generation and prices ---

    @Test
    void generatesADraftWithTheConsultationAndOrdersAtThePricesInForceNow() {
        fixture.givenNoPriorActivity()
                .when(encounterInvoice(), CASHIER)
                .expectEvents(generated())
                .expectResultMessagePayload(new GeneratedInvoice(INVOICE, "INV-2026-000001", Money.taka(1400)));
    }

    @Test
    void aSecondGenerationOfTheSameInvoiceChangesNothing() {
        fixture.given(generated())
                .when(encounterInvoice(), CASHIER)
                .expectNoEvents()
                .expectResultMessagePayload(new GeneratedInvoice(INVOICE, "INV-2026-000001", Money.taka(1400)));
    }

    @Test
    void chargesAFollowUpWithinTheWindowAndNothingWithinTheFreeRevisitDays() {
        ConsultationFees fees = new ConsultationFees(Money.taka(1000), Money.taka(500), 30, 7);
        assertThat(Invoice.visit(null, NOW, fees)).isEqualTo(ConsultationVisit.NEW);
        assertThat(Invoice.visit(NOW.minus(Duration.ofDays(6)), NOW, fees)).isEqualTo(ConsultationVisit.FREE_REVISIT);
        assertThat(Invoice.visit(NOW.minus(Duration.ofDays(7)), NOW, fees)).isEqualTo(ConsultationVisit.FOLLOW_UP);
        assertThat(Invoice.visit(NOW.minus(Duration.ofDays(29)), NOW, fees)).isEqualTo(ConsultationVisit.FOLLOW_UP);
        assertThat(Invoice.visit(NOW.minus(Duration.ofDays(30)), NOW, fees)).isEqualTo(ConsultationVisit.NEW);

        registry.recordChargedConsultation(InvoiceId.random(), RAHIM, DR_KARIM, NOW.minus(Duration.ofDays(3)));
        fixture.givenNoPriorActivity()
                .when(encounterInvoice(), CASHIER)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new GeneratedInvoice(INVOICE, "INV-2026-000001", Money.taka(400)));
    }

    @Test
    void roundsTaxPerLineToThePoishaHalfUp() {
        // 3 x 33.33 = 99.99; 7.5 % of it is 7.49925, which rounds to 7.50.
        InvoiceId sale = InvoiceId.random();
        InvoiceCharge charge = InvoiceCharge.priced(
                "counter:1", ChargeCategory.PHARMACY, null, 3, Money.taka("33.33"), new BigDecimal("7.5"));
        assertThat(charge.net()).isEqualTo(Money.taka("99.99"));
        assertThat(charge.tax()).isEqualTo(Money.taka("7.50"));
        fixture.givenNoPriorActivity()
                .when(
                        new GenerateInvoice(
                                sale,
                                RAHIM,
                                null,
                                null,
                                null,
                                null,
                                List.of(new ChargeRequest(
                                        "counter:1", ChargeCategory.PHARMACY, "PARA500", null, 3, null))),
                        CASHIER)
                .expectEvents(new InvoiceGenerated(
                        RAHIM,
                        sale,
                        "INV-2026-000001",
                        null,
                        null,
                        null,
                        null,
                        NOW,
                        List.of(charge),
                        List.of(new ChargeDetail("counter:1", "PARA500", "Paracetamol 500 mg"))))
                .expectResultMessagePayload(new GeneratedInvoice(sale, "INV-2026-000001", Money.taka("107.49")));
    }

    @Test
    void refusesAChargeWithoutAPrice() {
        fixture.givenNoPriorActivity()
                .when(
                        new GenerateInvoice(
                                InvoiceId.random(),
                                RAHIM,
                                null,
                                null,
                                null,
                                null,
                                List.of(new ChargeRequest("counter:1", ChargeCategory.LAB, "0000-0", null, 1, null))),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "charges[0].code"));
    }

    @Test
    void refusesTheSameChargeTwice() {
        ChargeRequest cbc = new ChargeRequest("lab-order:" + CBC_ORDER, ChargeCategory.LAB, "58410-2", null, 1, null);
        fixture.givenNoPriorActivity()
                .when(new GenerateInvoice(INVOICE, RAHIM, VISIT, DR_KARIM, null, null, List.of(cbc, cbc)), CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "charges[1].chargeKey"));
    }

    // --- discounts ---

    @Test
    void aCashierDiscountsADraftUpToTheLimit() {
        fixture.given(generated())
                .when(new ApplyDiscount(INVOICE, BigDecimal.TEN, null, "staff family"), CASHIER)
                .expectEvents(
                        new InvoiceDiscounted(RAHIM, INVOICE, BigDecimal.TEN, Money.taka(140), "staff family", null));
    }

    @Test
    void aDiscountAboveTheLimitNeedsAnApprover() {
        fixture.given(generated())
                .when(new ApplyDiscount(INVOICE, null, Money.taka(500), "poor patient"), CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
        fixture.given(generated())
                .when(new ApplyDiscount(INVOICE, null, Money.taka(500), "poor patient"), ADMIN)
                .expectEvents(new InvoiceDiscounted(RAHIM, INVOICE, null, Money.taka(500), "poor patient", "manager"));
    }

    @Test
    void anIssuedInvoiceIsNotDiscounted() {
        fixture.given(generated(), issued())
                .when(new ApplyDiscount(INVOICE, BigDecimal.ONE, null, "late"), ADMIN)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aDiscountNeedsAReason() {
        fixture.given(generated())
                .when(new ApplyDiscount(INVOICE, BigDecimal.ONE, null, " "), CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reason"));
    }

    // --- payments ---

    @Test
    void theFirstPaymentIssuesTheDraftAndCashGetsChange() {
        UUID payment = UUID.randomUUID();
        fixture.given(generated())
                .when(
                        new RecordPayment(
                                INVOICE, payment, PaymentMethod.CASH, Money.taka(1000), Money.taka(1500), null),
                        CASHIER)
                .expectEvents(
                        issued(),
                        new PaymentRecorded(
                                RAHIM,
                                INVOICE,
                                payment,
                                PaymentMethod.CASH,
                                Money.taka(1000),
                                Money.taka(1500),
                                Money.taka(500),
                                null,
                                "cashier1",
                                NOW))
                .expectResultMessagePayload(new RecordedPayment(payment, Money.taka(500), Money.taka(400)));
    }

    @Test
    void neverTakesMoreThanIsDue() {
        fixture.given(generated(), issued(), cash(UUID.randomUUID(), 1000))
                .when(
                        new RecordPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CARD, Money.taka(401), null, null),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void refusesTenderedBelowTheAmount() {
        fixture.given(generated())
                .when(
                        new RecordPayment(
                                INVOICE, UUID.randomUUID(), PaymentMethod.CASH, Money.taka(500), Money.taka(200), null),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "tendered"));
    }

    @Test
    void mobilePaymentsNeedTheProvidersTransactionId() {
        fixture.given(generated())
                .when(
                        new RecordPayment(INVOICE, UUID.randomUUID(), PaymentMethod.BKASH, Money.taka(500), null, null),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.VALIDATION, "reference"));
    }

    @Test
    void theSameProviderTransactionIsRecordedOnce() {
        UUID first = UUID.randomUUID();
        registry.references.put("BKASH/TX123", new PaymentReference(INVOICE, first));
        fixture.given(generated(), issued())
                .when(
                        new RecordPayment(
                                INVOICE, UUID.randomUUID(), PaymentMethod.BKASH, Money.taka(500), null, "TX123"),
                        CASHIER)
                .expectNoEvents()
                .expectResultMessagePayload(new RecordedPayment(first, Money.ZERO, Money.taka(1400)));
    }

    @Test
    void aProviderTransactionOfAnotherInvoiceIsRefused() {
        registry.references.put("NAGAD/TX9", new PaymentReference(InvoiceId.random(), UUID.randomUUID()));
        fixture.given(generated())
                .when(
                        new RecordPayment(
                                INVOICE, UUID.randomUUID(), PaymentMethod.NAGAD, Money.taka(500), null, "TX9"),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void anOnlineConfirmationIsRecordedAsAPaymentByTheGateway() {
        UUID payment = UUID.randomUUID();
        Instant paidAt = NOW.minus(Duration.ofMinutes(2));
        fixture.given(generated(), issued())
                .when(
                        new ConfirmOnlinePayment(
                                INVOICE, payment, PaymentMethod.BKASH, "8N7A6S5D", Money.taka(1400), paidAt),
                        ADMIN)
                .expectEvents(new PaymentRecorded(
                        RAHIM,
                        INVOICE,
                        payment,
                        PaymentMethod.BKASH,
                        Money.taka(1400),
                        null,
                        Money.ZERO,
                        "8N7A6S5D",
                        "online",
                        paidAt))
                .expectResultMessagePayload(new RecordedPayment(payment, Money.ZERO, Money.ZERO));
    }

    // --- refunds, voids, credit notes ---

    @Test
    void refundsUpToWhatWasPaidWithAnApprover() {
        UUID refund = UUID.randomUUID();
        fixture.given(generated(), issued(), cash(UUID.randomUUID(), 600))
                .when(new RefundPayment(INVOICE, refund, PaymentMethod.CASH, Money.taka(600), "test not done"), ADMIN)
                .expectEvents(new PaymentRefunded(
                        RAHIM, INVOICE, refund, PaymentMethod.CASH, Money.taka(600), "test not done", "manager"));
    }

    @Test
    void refusesARefundAboveWhatWasPaid() {
        fixture.given(generated(), issued(), cash(UUID.randomUUID(), 600))
                .when(new RefundPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CASH, Money.taka(601), "x"), ADMIN)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aCashierCannotRefundAlone() {
        fixture.given(generated(), issued(), cash(UUID.randomUUID(), 600))
                .when(new RefundPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CASH, Money.taka(100), "x"), CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.FORBIDDEN));
    }

    @Test
    void voidsOnlyWhileNothingIsPaid() {
        fixture.given(generated(), issued(), cash(UUID.randomUUID(), 600))
                .when(new VoidInvoice(INVOICE, "wrong patient"), ADMIN)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(generated())
                .when(new VoidInvoice(INVOICE, "wrong patient"), ADMIN)
                .expectEvents(new InvoiceVoided(RAHIM, INVOICE, "wrong patient", "manager"));
    }

    @Test
    void nothingIsPaidOnAVoidInvoice() {
        fixture.given(generated(), new InvoiceVoided(RAHIM, INVOICE, "wrong patient", "manager"))
                .when(
                        new RecordPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CASH, Money.taka(10), null, null),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
        fixture.given(generated(), new InvoiceVoided(RAHIM, INVOICE, "wrong patient", "manager"))
                .when(new IssueInvoice(INVOICE), CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aCreditNoteLowersWhatIsDue() {
        fixture.given(generated(), issued())
                .when(new IssueCreditNote(INVOICE, Money.taka(400), "test cancelled"), ADMIN)
                .expectEvents(new CreditNoteIssued(
                        RAHIM, INVOICE, "INV-2026-000001-CN1", Money.taka(400), "test cancelled", "manager"));
        fixture.given(
                        generated(),
                        issued(),
                        new CreditNoteIssued(RAHIM, INVOICE, "INV-2026-000001-CN1", Money.taka(400), "x", "manager"))
                .when(
                        new RecordPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CARD, Money.taka(1001), null, null),
                        CASHIER)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void aDraftTakesNoCreditNote() {
        fixture.given(generated())
                .when(new IssueCreditNote(INVOICE, Money.taka(100), "x"), ADMIN)
                .expectNoEvents()
                .expectException(error(ErrorCode.CONFLICT));
    }

    @Test
    void issuingTwiceChangesNothing() {
        fixture.given(generated(), issued())
                .when(new IssueInvoice(INVOICE), CASHIER)
                .expectNoEvents();
    }
}
