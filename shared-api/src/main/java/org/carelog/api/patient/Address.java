package org.carelog.api.patient;

import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.reference.BdGeography;
import org.carelog.api.reference.BdGeography.Level;

/**
 * A postal address: division, district and upazila (or thana) as national geocodes (DGHS BD-Core),
 * plus free text for village, road and house.
 */
public record Address(String divisionCode, String districtCode, String upazilaCode, String line) {

    public Address {
        line = Text.clean(line);
    }

    /** Checks that each code exists at its level and that they nest. */
    public static Address of(String divisionCode, String districtCode, String upazilaCode, String line) {
        BdGeography geo = BdGeography.instance();
        require(geo, "divisionCode", divisionCode, Level.DIVISION, null);
        require(geo, "districtCode", districtCode, Level.DISTRICT, divisionCode);
        if (upazilaCode != null && !upazilaCode.isBlank()) {
            require(geo, "upazilaCode", upazilaCode, Level.UPAZILA, districtCode);
        } else {
            upazilaCode = null;
        }
        Address address = new Address(divisionCode, districtCode, upazilaCode, line);
        if (address.line != null && address.line.length() > 500) {
            throw CarelogException.validation("line", "is longer than 500 characters");
        }
        return address;
    }

    private static void require(BdGeography geo, String field, String code, Level level, String parent) {
        var place = code == null ? null : geo.find(code).orElse(null);
        if (place == null || place.level() != level) {
            throw CarelogException.validation(field, "is not a known " + level.label() + " code");
        }
        if (parent != null && !code.startsWith(parent)) {
            throw CarelogException.validation(
                    field,
                    "does not lie in " + geo.find(parent).map(p -> p.nameEn()).orElse(parent));
        }
    }
}
