package org.carelog.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component of a stored message that holds personal data of the message's
 * {@link DataSubject}. The stored form of such a component is encrypted with that subject's own key,
 * so destroying the key erases the value everywhere the message was stored (crypto-shredding). A
 * component read after its subject was erased is {@code null}: code reading it must expect that.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {}
