package org.carelog.api.clinical;

/**
 * A record event that carries the reason its author gave: an amendment of a signed entry, an override of an
 * allergy warning, a retraction. {@code recordHistory} shows the reason beside the change. The reason is the
 * patient's personal data (annotate the component {@code @PersonalData}); it is null after erasure.
 */
public interface Justified {

    String reason();
}
