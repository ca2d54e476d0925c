package org.carelog.api.practitioner;

import java.util.Set;
import org.axonframework.serialization.Revision;
import org.carelog.api.patient.Language;

/** The languages the practitioner consults in were changed (the whole new set). */
@Revision("1")
public record PractitionerLanguagesChanged(PractitionerId practitionerId, Set<Language> languages) {

    public PractitionerLanguagesChanged {
        languages = LanguageSets.sorted(languages);
    }
}
