package org.carelog.command.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeRequest;
import org.carelog.api.billing.GenerateInvoice;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.billing.BillingRegistry.EncounterCharges;
import org.carelog.command.billing.BillingRegistry.EncounterOrder;
import org.carelog.command.common.CommandSender;
import org.junit.jupiter.api.Test;

/** What the generator charges for a signed encounter, and that it charges it under stable ids. */
class InvoiceGeneratorTest {

    static final EncounterId VISIT = EncounterId.random();
    static final PatientId RAHIM = PatientId.random();
    static final PractitionerId DR_KARIM = PractitionerId.random();
    static final DepartmentId MEDICINE = DepartmentId.random();
    static final UUID CBC = UUID.randomUUID();
    static final UUID XRAY = UUID.randomUUID();

    static EncounterCharges facts() {
        return new EncounterCharges(
                RAHIM,
                DR_KARIM,
                MEDICINE,
                null,
                List.of(
                        new EncounterOrder(CBC, LabOrderKind.LAB, "58410-2", "CBC"),
                        new EncounterOrder(XRAY, LabOrderKind.IMAGING, null, "X-ray chest PA")));
    }

    @Test
    void chargesTheConsultationAndEveryOrderUnderStableKeys() {
        GenerateInvoice command = InvoiceGenerator.command(VISIT, facts());
        assertThat(command.invoiceId()).isEqualTo(InvoiceId.forEncounter(VISIT));
        assertThat(command.departmentId()).isEqualTo(MEDICINE);
        assertThat(command.charges())
                .containsExactly(
                        new ChargeRequest(
                                "consultation:" + VISIT,
                                ChargeCategory.CONSULTATION,
                                DR_KARIM.toString(),
                                null,
                                1,
                                null),
                        new ChargeRequest("lab-order:" + CBC, ChargeCategory.LAB, "58410-2", "CBC", 1, null),
                        new ChargeRequest(
                                "lab-order:" + XRAY,
                                ChargeCategory.IMAGING,
                                "X-ray chest PA",
                                "X-ray chest PA",
                                1,
                                null));
    }

    /** The commands the generator sent, through the real sender and a recording gateway. */
    static final class Sent {
        final List<CommandMessage<?>> messages = new ArrayList<>();

        BillingCommands commands() {
            CommandGateway gateway = (CommandGateway) Proxy.newProxyInstance(
                    CommandGateway.class.getClassLoader(),
                    new Class<?>[] {CommandGateway.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("sendAndWait")) {
                            messages.add((CommandMessage<?>) args[0]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return new BillingCommands(new CommandSender(gateway));
        }
    }

    @Test
    void aSignatureSendsTheInvoiceAsTheSignerUnderTheEncountersIdempotencyKey() {
        InMemoryBillingRegistry registry = new InMemoryBillingRegistry();
        registry.encounters.put(VISIT, facts());
        Sent sent = new Sent();
        InvoiceGenerator generator = new InvoiceGenerator(registry, sent.commands());
        EncounterSigned signed = new EncounterSigned(RAHIM, VISIT, DR_KARIM);
        generator.on(signed, "dr.karim", "DOCTOR", "req-1");
        generator.on(signed, "dr.karim", "DOCTOR", "req-1");
        assertThat(sent.messages).hasSize(2);
        for (CommandMessage<?> message : sent.messages) {
            assertThat(message.getPayload()).isEqualTo(InvoiceGenerator.command(VISIT, facts()));
            assertThat(message.getMetaData())
                    .containsEntry(MetadataKeys.USERNAME, "dr.karim")
                    .containsEntry(MetadataKeys.ROLE, "DOCTOR")
                    .as("a redelivery carries the same key: the idempotency store answers it")
                    .containsEntry(MetadataKeys.IDEMPOTENCY_KEY, "invoice:encounter:" + VISIT);
        }
    }

    @Test
    void anEncounterUnknownToBillingSendsNothing() {
        Sent sent = new Sent();
        new InvoiceGenerator(new InMemoryBillingRegistry(), sent.commands())
                .on(new EncounterSigned(RAHIM, VISIT, DR_KARIM), "dr.karim", "DOCTOR", "req-1");
        assertThat(sent.messages).isEmpty();
    }

    @Test
    void aRedeliveredSignatureGivesTheSameCommand() {
        assertThat(InvoiceGenerator.command(VISIT, facts())).isEqualTo(InvoiceGenerator.command(VISIT, facts()));
        assertThat(InvoiceId.forEncounter(VISIT)).isNotEqualTo(InvoiceId.forEncounter(EncounterId.random()));
    }
}
