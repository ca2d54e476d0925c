package org.carelog.api.billing;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** The invoice is void: nothing is due on it and nothing changes any more. */
@Revision("1")
public record InvoiceVoided(
        @DataSubject PatientId patientId, InvoiceId invoiceId, @PersonalData String reason, String approvedBy)
        implements InvoiceEvent {}
