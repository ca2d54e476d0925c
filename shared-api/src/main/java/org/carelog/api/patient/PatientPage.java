package org.carelog.api.patient;

import java.util.List;

/** One page of a patient search, in MRN order. */
public record PatientPage(List<PatientSummary> patients, boolean hasNextPage) {}
