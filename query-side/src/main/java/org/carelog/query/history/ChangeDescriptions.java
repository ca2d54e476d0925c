package org.carelog.query.history;

import org.carelog.api.clinical.Justified;
import org.carelog.api.clinical.PatientRecordEvent;

/**
 * What a record change is called in the history, made from the event type alone, so a new event type needs no
 * code here: its simple class name is the stable type ({@code ClinicalNoteAmended}), and the words of that name
 * are the description ("Clinical note amended"). A {@link Justified} event adds its reason.
 */
final class ChangeDescriptions {

    private ChangeDescriptions() {}

    static String type(PatientRecordEvent event) {
        return event.getClass().getSimpleName();
    }

    static String describe(PatientRecordEvent event) {
        String words = words(type(event));
        if (event instanceof Justified justified) {
            String reason = justified.reason();
            return words + (reason == null ? " (reason erased)" : " (reason: " + reason + ")");
        }
        return words;
    }

    static String reason(PatientRecordEvent event) {
        return event instanceof Justified justified ? justified.reason() : null;
    }

    /** "PatientDemographicsChanged" → "Patient demographics changed"; acronyms stay whole ("BMI recorded"). */
    static String words(String typeName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < typeName.length(); i++) {
            char c = typeName.charAt(i);
            boolean boundary = i > 0
                    && Character.isUpperCase(c)
                    && (Character.isLowerCase(typeName.charAt(i - 1))
                            || (i + 1 < typeName.length() && Character.isLowerCase(typeName.charAt(i + 1))));
            if (boundary) {
                out.append(' ');
            }
            boolean acronym = Character.isUpperCase(c)
                    && ((i + 1 < typeName.length() && Character.isUpperCase(typeName.charAt(i + 1)))
                            || (i > 0 && Character.isUpperCase(typeName.charAt(i - 1))));
            out.append(out.length() <= 1 || acronym ? c : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
