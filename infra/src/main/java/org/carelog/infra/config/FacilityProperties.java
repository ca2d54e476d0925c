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
 * @param address printed in the header of documents (prescriptions)
 * @param phone printed in the header of documents
 * @param publicUrl where patients and pharmacists reach this Carelog: the prefix of the verification link a
 *     printed prescription's QR code carries
 */
@ConfigurationProperties("carelog.facility")
public record FacilityProperties(
        @DefaultValue("Carelog Clinic") String name,
        @DefaultValue("CLG") String mrnPrefix,
        @DefaultValue("Asia/Dhaka") ZoneId zone,
        @DefaultValue("") String address,
        @DefaultValue("") String phone,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public FacilityProperties {
        if (!mrnPrefix.matches("[A-Z]{2,6}")) {
            throw new IllegalArgumentException("carelog.facility.mrn-prefix must be 2 to 6 capital letters");
        }
    }
}
