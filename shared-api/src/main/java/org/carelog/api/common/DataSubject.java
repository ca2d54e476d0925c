package org.carelog.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component naming whose personal data a stored message carries (a typed id such as
 * {@code PatientId}). It stays in clear: it is a random id, and it selects the key that encrypts the
 * message's {@link PersonalData} components. One per record.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DataSubject {}
