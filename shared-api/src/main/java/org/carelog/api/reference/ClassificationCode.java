package org.carelog.api.reference;

/**
 * One code of a classification, with the title and URI that WHO's licence says must travel with it.
 * {@code chapter} is the ICD chapter number ("01".."26", "V"); {@code parentCode} the nearest coded ancestor;
 * {@code leaf} false for codes that have more specific children; {@code residual} for "other specified" and
 * "unspecified" categories.
 */
public record ClassificationCode(
        CodeSystem system,
        String release,
        String code,
        String title,
        String uri,
        String chapter,
        String parentCode,
        boolean leaf,
        boolean residual) {}
