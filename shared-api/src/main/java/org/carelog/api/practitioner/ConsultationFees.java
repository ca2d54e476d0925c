package org.carelog.api.practitioner;

import org.carelog.api.common.Money;

/** What a consultation with the practitioner costs: a new visit and a follow-up visit, in taka. */
public record ConsultationFees(Money newVisit, Money followUp) {}
