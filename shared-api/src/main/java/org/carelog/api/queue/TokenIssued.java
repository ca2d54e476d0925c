package org.carelog.api.queue;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointCode;

/**
 * A token was issued: the next number of the queue, printed with the service point's code. A walk-in's
 * name and phone are personal data, encrypted with the key of the patient id reserved for them; who
 * else the token is for is a pseudonymous id.
 *
 * @param priority the priority category, or null
 * @param appointment the appointment checked in, or null for a walk-in
 * @param transferredFrom the token at the previous service point of the journey, or null
 * @param journeyId the patient's way through the service points today; a transfer keeps it
 */
@Revision("1")
public record TokenIssued(
        @DataSubject PatientId patientId,
        TokenQueueId queueId,
        int number,
        ServicePointCode code,
        String priority,
        AppointmentReference appointment,
        TokenId transferredFrom,
        UUID journeyId,
        @PersonalData QuickRegistration walkIn)
        implements QueueEvent {}
