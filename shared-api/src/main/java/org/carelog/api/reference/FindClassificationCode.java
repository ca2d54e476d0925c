package org.carelog.api.reference;

/** One code of a classification, exactly. */
public record FindClassificationCode(CodeSystem system, String code) {}
