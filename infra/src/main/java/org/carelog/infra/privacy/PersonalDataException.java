package org.carelog.infra.privacy;

import org.axonframework.serialization.SerializationException;

/**
 * Personal data could not be protected or recovered as stored: a ciphertext that fails authentication
 * (tampered, moved to another field or patient, or wrapped by another master key), a missing key, or new
 * personal data for an erased subject. Never silently turned into null. Messages name the subject id,
 * type and field, never a value.
 */
public class PersonalDataException extends SerializationException {

    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
