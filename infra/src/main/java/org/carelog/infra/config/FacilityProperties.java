package org.carelog.infra.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The facility this Carelog serves.
 *
 * @param name shown on documents and screens
 * @param mrnPrefix letters in front of every medical record number (2-6 capital letters)
 * @param zone the facility's time zone: days, ages and displayed times are local to it
 */
@ConfigurationProperties("carelog.facility")
public record FacilityProperties(
        @DefaultValue("Carelog Clinic") String name,
        @DefaultValue("CLG") String mrnPrefix,
        @DefaultValue("Asia/Dhaka") ZoneId zone) {

    public FacilityProperties {
        if (!mrnPrefix.matches("[A-Z]{2,6}")) {
            throw new IllegalArgumentException("carelog.facility.mrn-prefix must be 2 to 6 capital letters");
        }
    }
}
