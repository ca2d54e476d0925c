package org.carelog.command.communication;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;

/** The deadline of a follow-up reminder for the visit planned on {@code dueOn}. */
@Revision("1")
public record FollowUpReminderDue(EncounterId encounterId, PatientId patientId, LocalDate dueOn) {}
