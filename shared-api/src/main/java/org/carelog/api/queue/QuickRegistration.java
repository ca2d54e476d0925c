package org.carelog.api.queue;

import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;

/** A walk-in known only by name and mobile phone until their registration is completed. Personal data. */
public record QuickRegistration(PersonName name, PhoneNumber phone) {}
