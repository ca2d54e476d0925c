package org.carelog.infra.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schema of DHIS2 data value sets (src/test/resources/dhis2), written from DHIS2's documentation. */
final class Dhis2Schema {

    private static final JsonSchema SCHEMA = load();

    private Dhis2Schema() {}

    /** What is wrong with the document; empty when it is a valid data value set. */
    static List<String> violations(String json) {
        try {
            JsonNode document = new ObjectMapper().readTree(json);
            return SCHEMA.validate(document).stream()
                    .map(ValidationMessage::getMessage)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        try (InputStream in = Dhis2Schema.class.getResourceAsStream("/dhis2/data-value-set.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
