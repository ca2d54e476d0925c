package org.carelog.api.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bangladesh's administrative geography: the national geocodes of the DGHS BD-Core FHIR guide (CC0)
 * with Bangla names from nuhil/bangladesh-geocode (MIT), as shipped in
 * {@code bd_geocodes_with_bangla.csv}. Read once, held in memory (about 1,600 rows).
 */
public final class BdGeography {

    /** The levels an address uses; everything else (city corporations, unions) is {@code OTHER}. */
    public enum Level {
        DIVISION("division"),
        DISTRICT("district"),
        UPAZILA("upazila or thana"),
        OTHER("place");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Level of(String csvLevel) {
            return switch (csvLevel) {
                case "division" -> DIVISION;
                case "district" -> DISTRICT;
                case "upazila_or_thana" -> UPAZILA;
                default -> OTHER;
            };
        }
    }

    /** One place; {@code nameBn} falls back to the English name where the source has no Bangla. */
    public record Place(String code, Level level, String nameEn, String nameBn, String parentCode) {}

    private static final String RESOURCE = "/org/carelog/api/reference/bd_geocodes_with_bangla.csv";
    private static final BdGeography INSTANCE = load();

    private final Map<String, Place> byCode;

    private BdGeography(Map<String, Place> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static BdGeography instance() {
        return INSTANCE;
    }

    public Optional<Place> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** Places of a level directly or indirectly under {@code parentCode} (all of that level when null). */
    public List<Place> within(String parentCode, Level level) {
        List<Place> result = new ArrayList<>();
        for (Place place : byCode.values()) {
            if (place.level() == level && (parentCode == null || place.code().startsWith(parentCode))) {
                result.add(place);
            }
        }
        return result;
    }

    private static BdGeography load() {
        var in = Objects.requireNonNull(BdGeography.class.getResourceAsStream(RESOURCE), RESOURCE);
        Map<String, Place> places = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: code,level,name_en,parent_code,x_name_bn,...
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cols = line.split(",", -1);
                String nameBn = cols[4].isBlank() ? cols[2] : cols[4];
                places.put(cols[0], new Place(cols[0], Level.of(cols[1]), cols[2], nameBn, blankToNull(cols[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BdGeography(places);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
