package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * DHIS2 configured the way an operator does it (properties, the mapping as a list) in an application of its own:
 * the GraphQL query, the JSON download and the mutation end to end, sending to a local stand-in for DHIS2.
 */
@TestPropertySource(
        properties = {
            "carelog.reporting.dhis2.username=carelog-reporter",
            "carelog.reporting.dhis2.password=Reporter-2026!",
            "carelog.reporting.dhis2.org-unit=DiszpKrYNg8",
            "carelog.reporting.dhis2.data-set=BfMAe6Itzgt",
            "carelog.reporting.dhis2.read-timeout=PT5S",
            "carelog.reporting.dhis2.mapping[0].figure=census.registrations",
            "carelog.reporting.dhis2.mapping[0].data-element=s46m5MS0hxu",
            "carelog.reporting.dhis2.mapping[1].figure=diagnoses.code:1A00[sex=FEMALE,age=15-24]",
            "carelog.reporting.dhis2.mapping[1].data-element=fbfJHSPpUQD",
            "carelog.reporting.dhis2.mapping[1].category-option-combo=Prlt0C1RF0s",
            "carelog.reporting.dhis2.mapping[2].figure=lab.abnormal:718-7",
            "carelog.reporting.dhis2.mapping[2].data-element=cYeuwXTCPkU",
            "carelog.reporting.dhis2.mapping[2].attribute-option-combo=HllvX50cXC0"
        })
class Dhis2ConfiguredTest extends IntegrationTest {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer DHIS2 = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/dhis/api/dataValueSets", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new String[] {exchange.getRequestHeaders().getFirst("Authorization"), body});
                byte[] answer = ("{\"httpStatus\":\"OK\",\"httpStatusCode\":200,\"status\":\"OK\",\"response\":"
                                + "{\"responseType\":\"ImportSummary\",\"status\":\"SUCCESS\",\"importCount\":"
                                + "{\"imported\":1,\"updated\":2,\"ignored\":0,\"deleted\":0},\"conflicts\":[]}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dhis2(DynamicPropertyRegistry registry) {
        registry.add(
                "carelog.reporting.dhis2.base-url",
                () -> "http://127.0.0.1:" + DHIS2.getAddress().getPort() + "/dhis/");
    }

    @AfterAll
    static void stop() {
        DHIS2.stop(0);
    }

    @Test
    void previewsDownloadsAndSendsAMonthAsConfigured() {
        String thisMonth = YearMonth.now(DHAKA).toString();
        JsonNode set = data(post(
                        credentials(Role.AUDITOR),
                        "query($m: String!) { dhis2DataValueSet(month: $m) { month period orgUnit dataSet complete"
                                + " completeDate dataValues { figure dataElement categoryOptionCombo"
                                + " attributeOptionCombo value } json } }",
                        Map.of("m", thisMonth)))
                .get("dhis2DataValueSet");
        assertThat(set.get("complete").asBoolean()).isFalse();
        assertThat(set.get("completeDate").isNull()).isTrue();
        assertThat(set.get("orgUnit").asText()).isEqualTo("DiszpKrYNg8");
        assertThat(set.get("dataValues")).hasSize(3);
        assertThat(set.at("/dataValues/1/figure").asText()).isEqualTo("diagnoses.code:1A00[sex=FEMALE,age=15-24]");
        assertThat(set.at("/dataValues/1/categoryOptionCombo").asText()).isEqualTo("Prlt0C1RF0s");
        assertThat(set.at("/dataValues/2/attributeOptionCombo").asText()).isEqualTo("HllvX50cXC0");
        assertThat(Dhis2Schema.violations(set.get("json").asText())).isEmpty();

        HttpResponse<String> download = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/reports/dhis2/" + thisMonth + ".json"))
                        .GET(),
                credentials(Role.ADMIN));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Carelog-Complete")).hasValue("false");
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Dhis2Schema.violations(download.body())).isEmpty();

        String mutation = "mutation($input: SendDhis2DataValueSetInput!) { sendDhis2DataValueSet(input: $input) {"
                + " submission { id month status failure httpStatus imported updated ignored deleted requestedBy } } }";
        JsonNode early = json(post(
                credentials(Role.ADMIN),
                mutation,
                Map.of("input", Map.of("month", thisMonth, "idempotencyKey", "now-" + unique()))));
        assertThat(early.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(early.at("/errors/0/extensions/field").asText()).isEqualTo("month");
        assertThat(RECEIVED).isEmpty();

        String lastMonth = YearMonth.now(DHAKA).minusMonths(1).toString();
        Map<String, Object> input = Map.of("input", Map.of("month", lastMonth, "idempotencyKey", "sent-" + unique()));
        JsonNode sent = data(post(credentials(Role.ADMIN), mutation, input)).at("/sendDhis2DataValueSet/submission");
        assertThat(sent.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(sent.get("failure").isNull()).isTrue();
        assertThat(sent.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(sent.get("imported").asInt()).isEqualTo(1);
        assertThat(sent.get("updated").asInt()).isEqualTo(2);
        assertThat(sent.get("month").asText()).isEqualTo(lastMonth);
        JsonNode again = data(post(credentials(Role.ADMIN), mutation, input)).at("/sendDhis2DataValueSet/submission");
        assertThat(again.get("id").asText()).isEqualTo(sent.get("id").asText());
        assertThat(RECEIVED).as("sent once").hasSize(1);
        assertThat(RECEIVED.get(0)[0])
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("carelog-reporter:Reporter-2026!".getBytes(StandardCharsets.UTF_8)));
        assertThat(Dhis2Schema.violations(RECEIVED.get(0)[1])).isEmpty();
        assertThat(RECEIVED.get(0)[1]).contains("\"period\":\"" + lastMonth.replace("-", "") + "\"");

        JsonNode listed = data(post(
                        credentials(Role.AUDITOR),
                        "query { dhis2Submissions(first: 5) { id status requestedBy imported } }",
                        Map.of()))
                .get("dhis2Submissions");
        assertThat(listed).hasSize(1);
        assertThat(listed.at("/0/id").asText()).isEqualTo(sent.get("id").asText());
        assertThat(listed.at("/0/requestedBy").asText())
                .isEqualTo(sent.get("requestedBy").asText());
    }
}
