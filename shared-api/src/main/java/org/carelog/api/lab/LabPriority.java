package org.carelog.api.lab;

/** How soon the result is needed; worklists show STAT first, then URGENT, then ROUTINE. */
public enum LabPriority {
    STAT,
    URGENT,
    ROUTINE
}
