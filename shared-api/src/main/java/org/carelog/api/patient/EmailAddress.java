package org.carelog.api.patient;

import java.util.Locale;
import java.util.regex.Pattern;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;

/**
 * An e-mail address, checked for shape only (one local part, a domain with a dot); whether it
 * receives mail is learnt when mail is sent.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

    public static EmailAddress parse(String raw) {
        String cleaned = Text.clean(raw);
        if (cleaned == null || cleaned.length() > 254 || !SHAPE.matcher(cleaned).matches()) {
            throw CarelogException.validation("email", "is not a valid e-mail address");
        }
        int at = cleaned.lastIndexOf('@');
        return new EmailAddress(cleaned.substring(0, at) + cleaned.substring(at).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
