package org.carelog.api.common;

/** One rejected input field, named as the client sent it. */
public record FieldViolation(String field, String message) {}
