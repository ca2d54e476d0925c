package org.carelog.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.api.common.CarelogAssertions.assertRejected;

import org.junit.jupiter.api.Test;

class AddressTest {

    private static final String DHAKA_DIVISION = "30";
    private static final String DHAKA_DISTRICT = "3026";
    private static final String SAVAR_UPAZILA = "30260072";
    private static final String CHATTOGRAM_DISTRICT = "2015";

    @Test
    void acceptsDivisionDistrictAndUpazilaThatNest() {
        Address address = Address.of(DHAKA_DIVISION, DHAKA_DISTRICT, SAVAR_UPAZILA, "  House 12,   Road 3 ");

        assertThat(address).isEqualTo(new Address(DHAKA_DIVISION, DHAKA_DISTRICT, SAVAR_UPAZILA, "House 12, Road 3"));
    }

    @Test
    void upazilaAndLineAreOptional() {
        Address address = Address.of(DHAKA_DIVISION, DHAKA_DISTRICT, " ", null);

        assertThat(address.upazilaCode()).isNull();
        assertThat(address.line()).isNull();
    }

    @Test
    void rejectsADistrictOutsideTheDivision() {
        var error = assertRejected(() -> Address.of(DHAKA_DIVISION, CHATTOGRAM_DISTRICT, null, null), "districtCode");

        assertThat(error.getMessage()).contains("Dhaka");
    }

    @Test
    void rejectsAnUpazilaOutsideTheDistrict() {
        assertRejected(() -> Address.of("20", CHATTOGRAM_DISTRICT, SAVAR_UPAZILA, null), "upazilaCode");
    }

    @Test
    void rejectsUnknownCodes() {
        assertRejected(() -> Address.of("99", DHAKA_DISTRICT, null, null), "divisionCode");
        assertRejected(() -> Address.of(DHAKA_DIVISION, "3099", null, null), "districtCode");
        assertRejected(() -> Address.of(DHAKA_DIVISION, DHAKA_DISTRICT, "30269999", null), "upazilaCode");
        assertRejected(() -> Address.of(null, DHAKA_DISTRICT, null, null), "divisionCode");
    }

    @Test
    void rejectsCodesOfTheWrongLevel() {
        assertRejected(() -> Address.of(DHAKA_DISTRICT, DHAKA_DISTRICT, null, null), "divisionCode");
        assertRejected(() -> Address.of(DHAKA_DIVISION, SAVAR_UPAZILA, null, null), "districtCode");
        assertRejected(() -> Address.of(DHAKA_DIVISION, DHAKA_DISTRICT, DHAKA_DISTRICT, null), "upazilaCode");
    }

    @Test
    void rejectsALineLongerThan500Characters() {
        assertThat(Address.of(DHAKA_DIVISION, DHAKA_DISTRICT, null, "x".repeat(500))
                        .line())
                .hasSize(500);
        assertRejected(() -> Address.of(DHAKA_DIVISION, DHAKA_DISTRICT, null, "x".repeat(501)), "line");
    }
}
