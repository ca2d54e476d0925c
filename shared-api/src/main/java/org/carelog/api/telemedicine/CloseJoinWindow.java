package org.carelog.api.telemedicine;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The join window has closed: a consultation nobody finished is missed by whoever did not come. */
public record CloseJoinWindow(@TargetAggregateIdentifier ConsultationId consultationId) {}
