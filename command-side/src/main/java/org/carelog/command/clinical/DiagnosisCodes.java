package org.carelog.command.clinical;

import java.util.Optional;
import org.carelog.api.reference.CodeSystem;

/** The diagnosis classifications loaded as reference data (ICD-11 MMS shipped; ICD-10 only if imported). */
public interface DiagnosisCodes {

    /** The classification's title of {@code code}; empty when the code is not in that (loaded) classification. */
    Optional<String> title(CodeSystem system, String code);
}
