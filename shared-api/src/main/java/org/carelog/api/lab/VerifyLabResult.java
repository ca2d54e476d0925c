package org.carelog.api.lab;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A second authorised user confirms the entered result: it becomes part of the patient's history.
 *
 * @param version the result version being verified, as the verifier saw it (a correction in between refuses)
 */
public record VerifyLabResult(@TargetAggregateIdentifier LabOrderId orderId, int version) {}
