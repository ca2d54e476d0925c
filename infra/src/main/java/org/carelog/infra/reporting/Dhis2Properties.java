package org.carelog.infra.reporting;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * National reporting to DHIS2: the monthly data value set and where it is sent. Nothing is configured by default
 * (no org unit): the DHIS2 queries then answer VALIDATION. Checked when Carelog starts; a wrong setting stops it
 * with a message naming the setting.
 *
 * @param baseUrl the DHIS2 server (such as {@code https://dhis2.example.org}); without it the data value set can
 *     be previewed and downloaded but not sent
 * @param username with {@code password}: HTTP Basic authentication
 * @param password the account's password
 * @param personalAccessToken instead of a username: sent as {@code Authorization: ApiToken <token>}
 * @param orgUnit the facility's organisation unit id in DHIS2 (a UID)
 * @param dataSet the data set id (a UID), sent as {@code dataSet} and, for a finished month, with a
 *     {@code completeDate}
 * @param connectTimeout how long to wait to connect to DHIS2
 * @param readTimeout how long to wait for DHIS2's import summary
 * @param mapping which Carelog figure goes to which DHIS2 data element and category option combo
 */
@ConfigurationProperties("carelog.reporting.dhis2")
public record Dhis2Properties(
        URI baseUrl,
        String username,
        String password,
        String personalAccessToken,
        String orgUnit,
        String dataSet,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT60S") Duration readTimeout,
        List<Mapping> mapping) {

    /** DHIS2's identifiers: 11 characters, a letter then letters or digits. */
    static final Pattern UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");

    private static final String PREFIX = "carelog.reporting.dhis2.";

    /**
     * One data value of the set.
     *
     * @param figure a Carelog figure name ({@link Dhis2Figure})
     * @param dataElement the DHIS2 data element's UID
     * @param categoryOptionCombo its category option combo's UID (DHIS2's default combo when absent)
     * @param attributeOptionCombo the attribute option combo's UID (DHIS2's default when absent)
     */
    public record Mapping(String figure, String dataElement, String categoryOptionCombo, String attributeOptionCombo) {

        public Mapping {
            categoryOptionCombo = blankAsNull(categoryOptionCombo);
            attributeOptionCombo = blankAsNull(attributeOptionCombo);
        }

        private static String blankAsNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public Dhis2Properties {
        mapping = mapping == null ? List.of() : List.copyOf(mapping);
        if (baseUrl != null && baseUrl.toString().isBlank()) {
            baseUrl = null;
        }
        if (orgUnit == null || orgUnit.isBlank()) {
            if (baseUrl != null || !mapping.isEmpty()) {
                throw new IllegalArgumentException(PREFIX + "org-unit is required when DHIS2 reporting is configured");
            }
            orgUnit = null;
        } else {
            uid("org-unit", orgUnit);
            if (dataSet != null && !dataSet.isBlank()) {
                uid("data-set", dataSet);
            } else {
                dataSet = null;
            }
            if (mapping.isEmpty()) {
                throw new IllegalArgumentException(
                        PREFIX + "mapping must list at least one figure (figure, data-element, ...)");
            }
            Set<String> values = new HashSet<>();
            for (int i = 0; i < mapping.size(); i++) {
                Mapping entry = mapping.get(i);
                String at = "mapping[" + i + "].";
                Dhis2Figure.parse(entry.figure());
                uid(at + "data-element", entry.dataElement());
                optionalUid(at + "category-option-combo", entry.categoryOptionCombo());
                optionalUid(at + "attribute-option-combo", entry.attributeOptionCombo());
                if (!values.add(
                        entry.dataElement() + "/" + entry.categoryOptionCombo() + "/" + entry.attributeOptionCombo())) {
                    throw new IllegalArgumentException(PREFIX + at.substring(0, at.length() - 1)
                            + ": data element " + entry.dataElement()
                            + " with these option combos is mapped twice (DHIS2 would keep only one value)");
                }
            }
        }
        if (baseUrl != null) {
            if (!baseUrl.isAbsolute()
                    || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                    || baseUrl.getHost() == null) {
                throw new IllegalArgumentException(PREFIX + "base-url must be an http or https address: " + baseUrl);
            }
            boolean basic = username != null && !username.isBlank();
            boolean token = personalAccessToken != null && !personalAccessToken.isBlank();
            if (basic == token) {
                throw new IllegalArgumentException(PREFIX
                        + "base-url needs either username and password (HTTP Basic) or personal-access-token,"
                        + " not both");
            }
            if (basic && (password == null || password.isEmpty())) {
                throw new IllegalArgumentException(PREFIX + "password is required with username");
            }
        }
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
    }

    /** Whether the data value set can be built (an org unit and a mapping). */
    boolean configured() {
        return orgUnit != null;
    }

    /** Whether it can also be sent. */
    boolean sendable() {
        return configured() && baseUrl != null;
    }

    private static void uid(String name, String value) {
        if (value == null || !UID.matcher(value).matches()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a DHIS2 id (11 characters, a letter then"
                    + " letters or digits): " + (value == null ? "missing" : "'" + value + "'"));
        }
    }

    private static void optionalUid(String name, String value) {
        if (value != null && !value.isEmpty()) {
            uid(name, value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration");
        }
    }

    @Override
    public String toString() {
        // Never the password or token in a log line.
        return "Dhis2Properties[baseUrl=" + baseUrl + ", orgUnit=" + orgUnit + ", dataSet=" + dataSet + ", mapping="
                + mapping.size() + " entries]";
    }
}
