package org.carelog.api.practitioner;

import java.lang.Character.UnicodeScript;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;

/**
 * A department's or service point's name in English and in Bangla, both required (signs and slips show both). Letters
 * must be of the right script; digits, spaces and {@code & ( ) - / , . '} are allowed.
 */
public record DepartmentName(String english, String bangla) {

    public DepartmentName {
        english = Text.clean(english);
        bangla = Text.clean(bangla);
    }

    /** Validates both parts; errors are reported under {@code nameEn} and {@code nameBn}. */
    public static DepartmentName of(String english, String bangla) {
        DepartmentName name = new DepartmentName(english, bangla);
        Violations violations = new Violations();
        check(violations, "nameEn", name.english, UnicodeScript.LATIN, "Latin letters");
        check(violations, "nameBn", name.bangla, UnicodeScript.BENGALI, "Bangla script");
        violations.throwIfAny();
        return name;
    }

    private static void check(Violations violations, String field, String text, UnicodeScript script, String what) {
        if (text == null) {
            violations.reject(field, "is required");
        } else if (text.length() > 100) {
            violations.reject(field, "is longer than 100 characters");
        } else if (!written(text, script)) {
            violations.reject(field, "must be written in " + what);
        }
    }

    private static boolean written(String text, UnicodeScript script) {
        boolean anyLetter = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isLetter(cp)) {
                if (UnicodeScript.of(cp) != script) {
                    return false;
                }
                anyLetter = true;
            } else if (!(Character.isDigit(cp)
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || cp == 0x200C
                    || cp == 0x200D
                    || " &()-/,.'".indexOf(cp) >= 0)) {
                return false;
            }
        }
        return anyLetter;
    }
}
