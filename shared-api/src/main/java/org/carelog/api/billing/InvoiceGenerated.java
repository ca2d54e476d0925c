package org.carelog.api.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;

/**
 * A draft invoice was generated with its number and priced lines. The amounts are clear (the cash book and
 * revenue need them after an erasure); what each line was for is personal data.
 *
 * @param number readable and unique: {@code <prefix>-<year>-<6 digits>}, allocated in the append's transaction
 * @param pricedAt the instant whose price list priced the lines
 */
@Revision("1")
public record InvoiceGenerated(
        @DataSubject PatientId patientId,
        InvoiceId invoiceId,
        String number,
        EncounterId encounterId,
        PractitionerId practitionerId,
        DepartmentId departmentId,
        UUID appointmentId,
        Instant pricedAt,
        List<InvoiceCharge> charges,
        @PersonalData List<ChargeDetail> details)
        implements InvoiceEvent {}
