package org.carelog.api.billing;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;

/**
 * Generates a draft invoice: for a signed encounter (its consultation and orders, sent by the generator) or a
 * counter sale (lab walk-in, pharmacy). Each charge is priced from the price list in force now. Sent again for
 * an invoice that exists, it changes nothing and answers the invoice. Answers {@link GeneratedInvoice}.
 *
 * @param encounterId the encounter, or null for a counter sale
 * @param practitionerId whose consultation (revenue by practitioner), or null
 * @param departmentId the department credited with the revenue, or null
 */
public record GenerateInvoice(
        @TargetAggregateIdentifier InvoiceId invoiceId,
        PatientId patientId,
        EncounterId encounterId,
        PractitionerId practitionerId,
        DepartmentId departmentId,
        UUID appointmentId,
        List<ChargeRequest> charges) {}
