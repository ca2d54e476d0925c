package org.carelog.api.patient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Digits;

/** A phone number in E.164 form ({@code +8801712345678}), read with libphonenumber. */
public record PhoneNumber(String e164) {

    /** Numbers written without a country code are read as Bangladeshi. */
    public static final String DEFAULT_REGION = "BD";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Parses any common way of writing a number that can receive SMS; otherwise VALIDATION. */
    public static PhoneNumber mobile(String raw) {
        var parsed = parseValid(raw)
                .orElseThrow(() -> CarelogException.validation(
                        "phone", "is not a valid phone number (for example 01712-345678 or +8801712345678)"));
        PhoneNumberType type = UTIL.getNumberType(parsed);
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw CarelogException.validation("phone", "must be a mobile number that can receive SMS");
        }
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
    }

    /** Any valid number, e.g. an emergency contact's landline. */
    public static PhoneNumber any(String raw) {
        return parseValid(raw)
                .map(p -> new PhoneNumber(UTIL.format(p, PhoneNumberFormat.E164)))
                .orElseThrow(() -> CarelogException.validation("phone", "is not a valid phone number"));
    }

    /** For search: the E.164 form of text that looks like a phone number, if it is one. */
    public static Optional<PhoneNumber> lenient(String raw) {
        return parseValid(raw).map(p -> new PhoneNumber(UTIL.format(p, PhoneNumberFormat.E164)));
    }

    private static Optional<com.google.i18n.phonenumbers.Phonenumber.PhoneNumber> parseValid(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = UTIL.parse(Digits.toAscii(raw), DEFAULT_REGION);
            return UTIL.isValidNumber(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
