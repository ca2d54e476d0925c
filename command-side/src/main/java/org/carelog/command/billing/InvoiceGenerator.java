package org.carelog.command.billing;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carelog.api.billing.ChargeCategory;
import org.carelog.api.billing.ChargeRequest;
import org.carelog.api.billing.GenerateInvoice;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterSigned;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.command.billing.BillingRegistry.EncounterCharges;
import org.carelog.command.billing.BillingRegistry.EncounterOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * A signed encounter is billed: its attending practitioner's consultation (new, follow-up or free revisit, as
 * the invoice decides from the patient's earlier charged consultations) and every lab test and imaging study
 * ordered in it and not cancelled. Sent on behalf of the clinician who signed. Never twice: the invoice id is
 * derived from the encounter's and each charge's key from what it charges, so a redelivered signature finds the
 * invoice generated; a replay sends nothing ({@link DisallowReplay}). An encounter that cannot be priced (no
 * consultation fee or test price in the list) is logged and left for {@code generateEncounterInvoice}.
 */
@Component
@ProcessingGroup(InvoiceGenerator.PROCESSING_GROUP)
@DisallowReplay
public class InvoiceGenerator {

    public static final String PROCESSING_GROUP = "billing-invoice-generator";

    private static final Logger log = LoggerFactory.getLogger(InvoiceGenerator.class);

    private final BillingRegistry registry;
    private final BillingCommands commands;

    InvoiceGenerator(BillingRegistry registry, BillingCommands commands) {
        this.registry = registry;
        this.commands = commands;
    }

    @EventHandler
    void on(
            EncounterSigned event,
            @MetaDataValue(MetadataKeys.USERNAME) String username,
            @MetaDataValue(MetadataKeys.ROLE) String role,
            @MetaDataValue(MetadataKeys.REQUEST_ID) String requestId) {
        var staff = UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        try {
            generate(event.encounterId(), staff, requestId);
        } catch (CarelogException e) {
            log.warn("No invoice for signed encounter {}: {}", event.encounterId(), e.getMessage());
        }
    }

    /** Sends the encounter's invoice; NOT_FOUND when billing knows no such encounter. */
    public Object generate(EncounterId encounter, Authentication staff, String requestId) {
        EncounterCharges facts = registry.encounterCharges(encounter)
                .orElseThrow(() -> CarelogException.notFound("No encounter " + encounter + " is known to billing"));
        return commands.sendAs(staff, command(encounter, facts), "invoice:encounter:" + encounter, requestId);
    }

    static GenerateInvoice command(EncounterId encounter, EncounterCharges facts) {
        List<ChargeRequest> charges = new ArrayList<>();
        charges.add(new ChargeRequest(
                "consultation:" + encounter,
                ChargeCategory.CONSULTATION,
                facts.practitionerId().toString(),
                null,
                1,
                null));
        for (EncounterOrder order : facts.orders()) {
            charges.add(new ChargeRequest(
                    "lab-order:" + order.orderId(),
                    order.kind() == LabOrderKind.IMAGING ? ChargeCategory.IMAGING : ChargeCategory.LAB,
                    order.code() != null ? order.code() : order.name(),
                    order.name(),
                    1,
                    null));
        }
        return new GenerateInvoice(
                InvoiceId.forEncounter(encounter),
                facts.patientId(),
                encounter,
                facts.practitionerId(),
                facts.departmentId(),
                facts.appointmentId(),
                charges);
    }
}
