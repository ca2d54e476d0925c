package org.carelog.infra.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Shipped reference data (ICD-11, LOINC, medicines, dose forms) and an imported ICD-10 list, searched over GraphQL on HTTP. */
class ReferenceSearchTest extends IntegrationTest {

    static final String SEARCH = "query($text: String!, $system: CodeSystem, $first: Int) {"
            + " diagnosisCodes(text: $text, system: $system, first: $first)"
            + " { system release code title uri chapter parentCode leaf residual } }";

    @Test
    void theShippedIcd11ReleaseIsLoadedOnceWithItsAttribution() {
        JsonNode releases = data("{ referenceReleases { name release entries sourceSha256 attribution } }", Map.of())
                .get("referenceReleases");
        JsonNode icd11 = releases.findParents("name").stream()
                .filter(r -> r.get("name").asText().equals("ICD11_MMS"))
                .findFirst()
                .orElseThrow();
        assertThat(icd11.get("release").asText()).isEqualTo("2024-01");
        assertThat(icd11.get("entries").asInt()).isEqualTo(17_822);
        assertThat(icd11.get("attribution").asText())
                .contains("CC BY-ND 3.0 IGO")
                .contains("MMS release 2024-01");
        assertThat(icd11.get("sourceSha256").asText()).hasSize(64);
    }

    @Test
    void labTestsMedicinesAndDoseFormsAreShippedWithTheirNotices() {
        JsonNode releases = data("{ referenceReleases { name entries attribution } }", Map.of())
                .get("referenceReleases");
        assertThat(releases.findValuesAsText("name")).contains("LOINC", "MEDICINE", "DOSE_FORM");
        assertThat(releases.findParents("name").stream()
                        .filter(r -> r.get("name").asText().equals("LOINC"))
                        .findFirst()
                        .orElseThrow()
                        .get("attribution")
                        .asText())
                .contains("Regenstrief Institute");

        JsonNode hemoglobin = data(
                        "{ labTests(text: \"hemoglobin blood\", first: 5) { code name detail category rank } }",
                        Map.of())
                .get("labTests");
        assertThat(hemoglobin.get(0).get("code").asText()).isEqualTo("718-7");
        assertThat(hemoglobin.get(0).get("detail").asText()).isEqualTo("Hgb Bld-mCnc");
        assertThat(data("{ labTest(code: \"718-7\") { name } }", Map.of())
                        .at("/labTest/name")
                        .asText())
                .isEqualTo("Hemoglobin [Mass/volume] in Blood");

        JsonNode paracetamol = data("{ medicines(text: \"paracetamol\", first: 5) { code name synonyms } }", Map.of())
                .get("medicines");
        assertThat(paracetamol.get(0).get("name").asText()).isEqualTo("Acetaminophen");
        assertThat(paracetamol.get(0).get("code").asText()).isEqualTo("DB00316");
        JsonNode acetaminophen = data("{ medicine(code: \"db00316\") { name synonyms } }", Map.of())
                .get("medicine");
        assertThat(acetaminophen.get("name").asText()).isEqualTo("Acetaminophen");
        assertThat(acetaminophen.get("synonyms").toString()).contains("Paracetamol");
        JsonNode misspelt =
                data("{ medicines(text: \"metformine\") { name } }", Map.of()).get("medicines");
        assertThat(misspelt.findValuesAsText("name")).contains("Metformin");
        JsonNode wildcard =
                data("{ medicines(text: \"%%\") { name } }", Map.of()).get("medicines");
        assertThat(wildcard.size()).as("%% is text, not a pattern").isLessThan(20);

        JsonNode forms = data("{ doseForms { code name detail } }", Map.of()).get("doseForms");
        assertThat(forms.findValuesAsText("code")).contains("TAB", "SYP", "INJ").hasSize(10);
    }

    @Test
    void aCodeIsFoundWithWhosTitleAndUri() {
        JsonNode cholera = data(
                        "query($code: String!) { diagnosisCode(code: $code) { code title uri chapter leaf } }",
                        Map.of("code", "1a00"))
                .get("diagnosisCode");
        assertThat(cholera.get("code").asText()).isEqualTo("1A00");
        assertThat(cholera.get("title").asText()).isEqualTo("Cholera");
        assertThat(cholera.get("uri").asText()).isEqualTo("http://id.who.int/icd/release/11/mms/257068234");
        assertThat(cholera.get("chapter").asText()).isEqualTo("01");
        assertThat(cholera.get("leaf").asBoolean()).isTrue();
        assertThat(data("{ diagnosisCode(code: \"ZZ99\") { code } }", Map.of())
                        .get("diagnosisCode")
                        .isNull())
                .isTrue();
    }

    @Test
    void wordsFindTheBestMatchFirstAndToleranceCoversMisspelling() {
        JsonNode diabetes = search("type 2 diabetes", null);
        assertThat(diabetes.get(0).get("code").asText()).isEqualTo("5A11");
        assertThat(diabetes.get(0).get("title").asText()).isEqualTo("Type 2 diabetes mellitus");

        JsonNode dengue = search("dengue fever", null);
        assertThat(dengue.findValuesAsText("title")).anyMatch(t -> t.startsWith("Dengue"));

        JsonNode misspelt = search("cholra", null);
        assertThat(misspelt.findValuesAsText("code")).contains("1A00");
    }

    @Test
    void aCodePrefixListsTheCodesUnderIt() {
        JsonNode codes = search("5A1", null);
        assertThat(codes.size()).isGreaterThan(3);
        assertThat(codes.findValuesAsText("code")).allMatch(c -> c.startsWith("5A1"));
        assertThat(codes.findValuesAsText("code")).startsWith("5A10", "5A11");
    }

    @Test
    void anImportedIcd10ListIsSearchableApartFromIcd11() {
        JsonNode codes = search("U98", "ICD10");
        assertThat(codes.findValuesAsText("code")).containsExactly("U98", "U98.1", "U98.2");
        assertThat(codes.get(0).get("leaf").asBoolean()).isFalse();
        assertThat(codes.get(1).get("parentCode").asText()).isEqualTo("U98");
        assertThat(codes.get(2).get("title").asText()).contains("with a comma");
        assertThat(search("carelog test subcategory", null).size()).isZero();
    }

    @Test
    void tooShortASearchIsRefused() {
        JsonNode refused = json(post(credentials(Role.DOCTOR), SEARCH, Map.of("text", " a ")));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(refused.at("/errors/0/extensions/field").asText()).isEqualTo("text");
    }

    private JsonNode search(String text, String system) {
        Map<String, Object> variables = system == null ? Map.of("text", text) : Map.of("text", text, "system", system);
        return data(SEARCH, variables).get("diagnosisCodes");
    }

    private JsonNode data(String document, Map<String, Object> variables) {
        JsonNode body = json(post(credentials(Role.NURSE), document, variables));
        assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
        return body.get("data");
    }
}
