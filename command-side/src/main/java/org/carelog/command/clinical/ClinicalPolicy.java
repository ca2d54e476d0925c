package org.carelog.command.clinical;

/**
 * Who may write what in an encounter beyond the fixed rules: by default nurses record vital signs and notes but
 * not diagnoses; a facility may let them diagnose ({@code carelog.clinical.nurses-may-diagnose}). Signing stays a
 * doctor's.
 */
public record ClinicalPolicy(boolean nursesMayDiagnose) {}
