package org.carelog.api.patient;

import java.lang.Character.UnicodeScript;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;

/**
 * A person's name in Bangla script, Latin script, or both. Normalised to NFC with white space folded;
 * zero-width joiners are kept.
 */
public record PersonName(String bangla, String latin) {

    public PersonName {
        bangla = Text.clean(bangla);
        latin = Text.clean(latin);
    }

    /** Validates both parts; errors are reported under {@code nameBn} and {@code nameEn}. */
    public static PersonName of(String bangla, String latin) {
        PersonName name = new PersonName(bangla, latin);
        Violations violations = new Violations();
        if (name.bangla == null && name.latin == null) {
            violations.reject("nameEn", "a name in Bangla or English is required");
        }
        if (name.bangla != null && !written(name.bangla, UnicodeScript.BENGALI)) {
            violations.reject("nameBn", "must be written in Bangla script");
        }
        if (name.latin != null && !written(name.latin, UnicodeScript.LATIN)) {
            violations.reject("nameEn", "must be written in Latin letters");
        }
        if (name.bangla != null && name.bangla.length() > 200) {
            violations.reject("nameBn", "is longer than 200 characters");
        }
        if (name.latin != null && name.latin.length() > 200) {
            violations.reject("nameEn", "is longer than 200 characters");
        }
        violations.throwIfAny();
        return name;
    }

    /** The name to show: Latin where present (staff screens), otherwise Bangla. */
    public String display() {
        return latin != null ? latin : bangla;
    }

    /**
     * Letters must be of the expected script; marks, joiners, spaces and the punctuation found in names
     * (. ' -) are allowed; digits are not.
     */
    private static boolean written(String text, UnicodeScript script) {
        boolean anyLetter = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                if (UnicodeScript.of(cp) != script) {
                    return false;
                }
                anyLetter = true;
            } else if (Character.isDigit(cp)) {
                return false;
            } else if (!(Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                    || cp == 0x200C
                    || cp == 0x200D
                    || cp == ' '
                    || cp == '.'
                    || cp == '\''
                    || cp == '-')) {
                return false;
            }
        }
        return anyLetter;
    }
}
