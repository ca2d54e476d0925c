package org.carelog.api.reference;

/**
 * Finds codes by code (a prefix such as {@code 5A1}) or by words in the title ("type 2 diabetes"), best
 * matches first: exact code, code prefix, then word relevance and spelling similarity, leaf codes before
 * their parents.
 */
public record SearchClassification(CodeSystem system, String text, int limit) {}
