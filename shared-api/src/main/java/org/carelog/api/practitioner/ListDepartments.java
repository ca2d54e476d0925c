package org.carelog.api.practitioner;

/**
 * Lists the facility's departments by code. {@code codePrefix} narrows the list (null or empty: all);
 * the field also keeps the query serializable as an object with a property.
 */
public record ListDepartments(String codePrefix) {

    public static ListDepartments all() {
        return new ListDepartments(null);
    }
}
