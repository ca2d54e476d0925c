package org.carelog.api.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.carelog.api.reference.BdGeography.Level;
import org.carelog.api.reference.BdGeography.Place;
import org.junit.jupiter.api.Test;

class BdGeographyTest {

    private final BdGeography geography = BdGeography.instance();

    @Test
    void findsPlacesByCodeWithTheirBanglaNames() {
        assertThat(geography.find("30")).contains(new Place("30", Level.DIVISION, "Dhaka", "ঢাকা", null));
        assertThat(geography.find("3026")).contains(new Place("3026", Level.DISTRICT, "Dhaka", "ঢাকা", "30"));
        assertThat(geography.find("30260072"))
                .contains(new Place("30260072", Level.UPAZILA, "Savar", "সাভার", "302600"));
    }

    @Test
    void fallsBackToTheEnglishNameWhereTheSourceHasNoBangla() {
        Place adabor = geography.find("30262502").orElseThrow();

        assertThat(adabor.nameEn()).isEqualTo("Adabor");
        assertThat(adabor.nameBn()).isEqualTo("Adabor");
    }

    @Test
    void findsNothingForUnknownOrMissingCodes() {
        assertThat(geography.find("99")).isEmpty();
        assertThat(geography.find(null)).isEmpty();
    }

    @Test
    void listsTheEightDivisionsAndSixtyFourDistricts() {
        assertThat(geography.within(null, Level.DIVISION))
                .hasSize(8)
                .extracting(Place::nameBn)
                .contains("ঢাকা", "চট্টগ্রাম");
        assertThat(geography.within(null, Level.DISTRICT)).hasSize(64);
    }

    @Test
    void listsTheDistrictsOfADivision() {
        assertThat(geography.within("30", Level.DISTRICT))
                .isNotEmpty()
                .allSatisfy(district -> assertThat(district.parentCode()).isEqualTo("30"))
                .extracting(Place::nameBn)
                .contains("ঢাকা", "গাজীপুর")
                .doesNotContain("চট্টগ্রাম");
    }

    @Test
    void listsUpazilasUnderADistrictThroughItsCityCorporations() {
        assertThat(geography.within("3026", Level.UPAZILA))
                .allSatisfy(upazila -> assertThat(upazila.code()).startsWith("3026"))
                .extracting(Place::nameBn)
                .contains("সাভার", "ধামরাই", "কেরাণীগঞ্জ");
    }
}
