package org.carelog.projection.prescription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.carelog.api.prescription.MedicationChartView;

/** The stored form of a {@link MedicationChart}: JSON by a mapper of its own (no shared settings can change it). */
public final class MedicationChartCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MedicationChartCodec() {}

    public static String write(MedicationChart chart) {
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("medication chart not serializable", e);
        }
    }

    public static MedicationChart read(String document) {
        if (document == null) {
            return MedicationChart.empty();
        }
        try {
            return JSON.readValue(document, MedicationChart.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("medication chart not readable", e);
        }
    }

    /** The chart's view of a stored document. */
    public static MedicationChartView view(String document) {
        return read(document).view();
    }
}
