package org.carelog.api.practitioner;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.carelog.api.patient.Language;

/** Language sets in enum order, so stored events list them the same way every time. */
final class LanguageSets {

    private LanguageSets() {}

    static Set<Language> sorted(Set<Language> languages) {
        return languages == null || languages.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(languages));
    }
}
