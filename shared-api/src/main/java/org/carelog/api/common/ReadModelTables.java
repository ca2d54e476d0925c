package org.carelog.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables an event handler writes: its read model, or its share of one. The replay check rebuilds exactly
 * these tables from the event store into scratch copies and compares them with the live ones, so every table a
 * handler writes must be named here (the check reports any other table written as undeclared). An empty list
 * marks a handler that may be replayed but keeps no read model of its own (it maintains rows another part of
 * Carelog owns, such as blanking an erased patient's messages): the replay check leaves its processor out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelTables {
    String[] value();
}
