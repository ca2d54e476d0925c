package org.carelog.command.billing;

import java.time.OffsetDateTime;
import java.util.List;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.PaymentMethod;
import org.carelog.api.common.Money;

/** GraphQL inputs and payloads of the billing mutations, as the schema declares them. */
final class BillingInputs {

    private BillingInputs() {}

    record SetPriceInput(
            String idempotencyKey,
            ChargeCategory category,
            String code,
            String name,
            String amount,
            OffsetDateTime effectiveFrom) {}

    record SetConsultationFeesInput(
            String idempotencyKey,
            String practitionerId,
            String newVisit,
            String followUp,
            Integer followUpDays,
            Integer freeRevisitDays,
            OffsetDateTime effectiveFrom) {}

    record PricePayload(String key) {}

    record CounterChargeInput(ChargeCategory category, String code, Integer quantity, String description) {}

    record CreateCounterInvoiceInput(
            String idempotencyKey, String patientId, String departmentId, List<CounterChargeInput> charges) {}

    record GenerateEncounterInvoiceInput(String idempotencyKey, String encounterId) {}

    record InvoicePayload(String invoiceId, String number, Money total) {}

    record ApplyDiscountInput(String idempotencyKey, String invoiceId, String percent, String amount, String reason) {}

    record InvoiceActionInput(String idempotencyKey, String invoiceId) {}

    record InvoiceCorrectionInput(String idempotencyKey, String invoiceId, String amount, String reason) {}

    record InvoiceActionPayload(String invoiceId) {}

    record RecordPaymentInput(
            String idempotencyKey,
            String invoiceId,
            PaymentMethod method,
            String amount,
            String tendered,
            String reference) {}

    record ConfirmOnlinePaymentInput(
            String idempotencyKey,
            String invoiceId,
            PaymentMethod provider,
            String providerTransactionId,
            String amount,
            OffsetDateTime paidAt) {}

    record PaymentPayload(String paymentId, Money changeDue, Money balanceDue) {}

    record RefundPaymentInput(
            String idempotencyKey, String invoiceId, PaymentMethod method, String amount, String reason) {}

    record RefundPayload(String refundId) {}

    record ReceiveDepositInput(
            String idempotencyKey, String patientId, PaymentMethod method, String amount, String reference) {}

    record DepositPayload(String depositId) {}

    record PayFromDepositInput(String idempotencyKey, String invoiceId, String amount) {}
}
