package org.carelog.api.lab;

/** A laboratory test (a sample is collected) or an imaging study (the patient is examined; no sample). */
public enum LabOrderKind {
    LAB,
    IMAGING
}
