package org.carelog.command.lab;

import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Digits;
import org.carelog.api.common.Violations;
import org.carelog.api.lab.CancelLabOrder;
import org.carelog.api.lab.CollectLabSample;
import org.carelog.api.lab.CorrectLabResult;
import org.carelog.api.lab.EnterLabResult;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResult;
import org.carelog.api.lab.OrderLabTest;
import org.carelog.api.lab.ResultFlag;
import org.carelog.api.lab.VerifyLabResult;
import org.carelog.api.patient.PatientId;
import org.carelog.command.common.CommandSender;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Lab and imaging orders: doctors order and cancel, nurses and laboratory staff collect samples, laboratory
 * staff enter and correct results, and a second laboratory technician or a doctor verifies them.
 */
@Controller
class LabMutations {

    private final CommandSender sender;

    LabMutations(CommandSender sender) {
        this.sender = sender;
    }

    record OrderLabTestInput(
            String idempotencyKey,
            String orderId,
            String patientId,
            String encounterId,
            LabOrderKind kind,
            String code,
            String study,
            LabPriority priority,
            String clinicalNote) {}

    record LabOrderActionInput(String idempotencyKey, String orderId, String specimen, String reason) {}

    record LabResultInput(
            String value,
            String unit,
            String referenceLow,
            String referenceHigh,
            String criticalLow,
            String criticalHigh,
            String referenceText,
            ResultFlag flag,
            String comment) {}

    record EnterLabResultInput(String idempotencyKey, String orderId, LabResultInput result, String reason) {}

    record VerifyLabResultInput(String idempotencyKey, String orderId, int version) {}

    record LabOrderPayload(String orderId, Integer version) {}

    @MutationMapping
    @PreAuthorize("hasRole('DOCTOR')")
    LabOrderPayload orderLabTest(@Argument OrderLabTestInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        LabOrderId orderId = input.orderId() == null
                ? new LabOrderId(UUID.randomUUID())
                : violations.check("orderId", () -> LabOrderId.parse("orderId", input.orderId()));
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        EncounterId encounter = input.encounterId() == null
                ? null
                : violations.check("encounterId", () -> EncounterId.parse("encounterId", input.encounterId()));
        violations.throwIfAny();
        LabOrderId created = sender.send(
                new OrderLabTest(
                        orderId,
                        patient,
                        encounter,
                        input.kind(),
                        input.code(),
                        input.study(),
                        input.priority(),
                        input.clinicalNote()),
                input.idempotencyKey(),
                env);
        return new LabOrderPayload(created.toString(), null);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('NURSE', 'LAB_TECHNICIAN')")
    LabOrderPayload collectLabSample(@Argument LabOrderActionInput input, DataFetchingEnvironment env) {
        LabOrderId orderId = LabOrderId.parse("orderId", input.orderId());
        sender.send(new CollectLabSample(orderId, input.specimen()), input.idempotencyKey(), env);
        return new LabOrderPayload(orderId.toString(), null);
    }

    @MutationMapping
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    LabOrderPayload enterLabResult(@Argument EnterLabResultInput input, DataFetchingEnvironment env) {
        LabOrderId orderId = LabOrderId.parse("orderId", input.orderId());
        Integer version = sender.send(new EnterLabResult(orderId, result(input.result())), input.idempotencyKey(), env);
        return new LabOrderPayload(orderId.toString(), version);
    }

    @MutationMapping
    @PreAuthorize("hasRole('LAB_TECHNICIAN')")
    LabOrderPayload correctLabResult(@Argument EnterLabResultInput input, DataFetchingEnvironment env) {
        LabOrderId orderId = LabOrderId.parse("orderId", input.orderId());
        Integer previous = sender.send(
                new CorrectLabResult(orderId, result(input.result()), input.reason()), input.idempotencyKey(), env);
        return new LabOrderPayload(orderId.toString(), previous + 1);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('LAB_TECHNICIAN', 'DOCTOR')")
    LabOrderPayload verifyLabResult(@Argument VerifyLabResultInput input, DataFetchingEnvironment env) {
        LabOrderId orderId = LabOrderId.parse("orderId", input.orderId());
        sender.send(new VerifyLabResult(orderId, input.version()), input.idempotencyKey(), env);
        return new LabOrderPayload(orderId.toString(), input.version());
    }

    @MutationMapping
    @PreAuthorize("hasRole('DOCTOR')")
    LabOrderPayload cancelLabOrder(@Argument LabOrderActionInput input, DataFetchingEnvironment env) {
        LabOrderId orderId = LabOrderId.parse("orderId", input.orderId());
        sender.send(new CancelLabOrder(orderId, input.reason()), input.idempotencyKey(), env);
        return new LabOrderPayload(orderId.toString(), null);
    }

    private static LabResult result(LabResultInput in) {
        if (in == null) {
            throw CarelogException.validation("result", "is required");
        }
        Violations violations = new Violations();
        BigDecimal low = decimal(violations, "result.referenceLow", in.referenceLow());
        BigDecimal high = decimal(violations, "result.referenceHigh", in.referenceHigh());
        BigDecimal criticalLow = decimal(violations, "result.criticalLow", in.criticalLow());
        BigDecimal criticalHigh = decimal(violations, "result.criticalHigh", in.criticalHigh());
        violations.throwIfAny();
        return LabResult.interpret(
                in.value(),
                in.unit(),
                low,
                high,
                criticalLow,
                criticalHigh,
                in.referenceText(),
                in.flag(),
                in.comment());
    }

    private static BigDecimal decimal(Violations violations, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return violations.check(field, () -> {
            try {
                return new BigDecimal(Digits.toAscii(raw.strip()));
            } catch (NumberFormatException e) {
                throw CarelogException.validation(field, "is not a number");
            }
        });
    }
}
