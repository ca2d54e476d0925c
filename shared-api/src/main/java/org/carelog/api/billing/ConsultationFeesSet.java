package org.carelog.api.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.Money;

/** A practitioner's consultation fees and revisit windows, in force from {@code effectiveFrom}. */
@Revision("1")
public record ConsultationFeesSet(
        PriceKey key, Money newVisit, Money followUp, int followUpDays, int freeRevisitDays, Instant effectiveFrom) {}
