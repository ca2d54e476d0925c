package org.carelog.api.prescription;

import java.time.Instant;
import java.time.LocalDate;

/** A medicine of a prescription stopped early. */
public record StoppedItem(int item, LocalDate stoppedOn, String reason, String stoppedBy, Instant stoppedAt) {}
