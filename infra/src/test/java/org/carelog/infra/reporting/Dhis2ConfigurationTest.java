package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.carelog.infra.reporting.Dhis2Figure.Measure;
import org.carelog.infra.reporting.Dhis2Properties.Mapping;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The figure names of the DHIS2 mapping, the checks of its configuration, and the schema the set is held to. */
class Dhis2ConfigurationTest {

    private static final String ORG_UNIT = "DiszpKrYNg8";
    private static final String ELEMENT = "s46m5MS0hxu";
    private static final String COMBO = "Prlt0C1RF0s";

    @Test
    void parsesEveryKindOfFigureWithItsQualifiers() {
        assertThat(Dhis2Figure.parse("census.registrations").measure()).isEqualTo(Measure.REGISTRATIONS);
        assertThat(Dhis2Figure.parse("census.no-shows").measure()).isEqualTo(Measure.NO_SHOWS);
        UUID department = UUID.randomUUID();
        Dhis2Figure walkIns = Dhis2Figure.parse("census.walk-ins[department=" + department + "]");
        assertThat(walkIns.measure()).isEqualTo(Measure.WALK_INS);
        assertThat(walkIns.departmentId()).isEqualTo(department);

        Dhis2Figure code = Dhis2Figure.parse(" diagnoses.code:CA40[sex=FEMALE,age=15-24] ");
        assertThat(code.name()).isEqualTo("diagnoses.code:CA40[sex=FEMALE,age=15-24]");
        assertThat(code.measure()).isEqualTo(Measure.DIAGNOSES_OF_CODE);
        assertThat(code.argument()).isEqualTo("CA40");
        assertThat(code.sex()).isEqualTo("FEMALE");
        assertThat(code.ageGroup()).isEqualTo("15-24");
        assertThat(Dhis2Figure.parse("diagnoses.chapter:01[age=<1]").ageGroup()).isEqualTo("<1");
        assertThat(Dhis2Figure.parse("diagnoses.code:BA00.Z").argument()).isEqualTo("BA00.Z");
        assertThat(Dhis2Figure.parse("lab.abnormal:718-7").measure()).isEqualTo(Measure.LAB_ABNORMAL);
        assertThat(Dhis2Figure.parse("lab.orders:718-7").argument()).isEqualTo("718-7");
        assertThat(Dhis2Figure.parse("diagnoses.all[age=65+]").measure()).isEqualTo(Measure.DIAGNOSES);
    }

    @Test
    void countsOverTheMonthsLocalDaysWithEveryNarrowing() {
        UUID department = UUID.randomUUID();
        Dhis2Figure.Count count = Dhis2Figure.parse(
                        "diagnoses.code:CA40[sex=MALE,age=65+,department=" + department + "]")
                .count(YearMonth.of(2026, 2));
        assertThat(count.sql())
                .isEqualTo(
                        "select count(*) filter (where not r.retracted and r.code = ? and r.sex = ? and"
                                + " r.age_group = ? and r.department_id = ?) from report_diagnosis r where r.day between ? and ?");
        assertThat(count.args())
                .containsExactly(
                        "CA40",
                        "MALE",
                        "65+",
                        department,
                        java.time.LocalDate.of(2026, 2, 1),
                        java.time.LocalDate.of(2026, 2, 28));
        assertThat(Dhis2Figure.parse("lab.abnormal:718-7").aggregate().sql())
                .isEqualTo("count(*) filter (where not r.cancelled and r.code = ? and r.flag is not null and"
                        + " r.flag <> 'NORMAL')");
        assertThat(Dhis2Figure.parse("lab.orders:718-7").table()).isEqualTo("report_lab_order");
        assertThat(Dhis2Figure.parse("census.new-patient-visits")
                        .count(YearMonth.of(2026, 11))
                        .sql())
                .isEqualTo("select coalesce(sum(r.new_patient_visits) filter (where true), 0) from report_census r"
                        + " where r.day between ? and ?");
        assertThat(Dhis2Figure.parse("census.walk-ins[department=" + department + "]")
                        .aggregate()
                        .args())
                .containsExactly(department);
    }

    @Test
    void refusesUnknownOrMalformedFiguresNamingThem() {
        assertRefused("census.beds", "figure 'census.beds'", "no figure is called census.beds");
        assertRefused("diagnoses.code", "needs a code");
        assertRefused("census.walk-ins:X", "takes no code");
        assertRefused("lab.orders:718-7[sex=FEMALE]", "only diagnoses are counted by sex and age group");
        assertRefused("census.registrations[department=" + UUID.randomUUID() + "]", "facility-wide");
        assertRefused("diagnoses.all[sex=F]", "sex is one of");
        assertRefused("diagnoses.all[age=15-25]", "age is one of");
        assertRefused("diagnoses.all[ward=3]", "unknown qualifier ward");
        assertRefused("diagnoses.all[department=x]", "department is a department id");
        assertRefused("diagnoses.all[sex]", "key=value");
        assertRefused("Diagnoses.all", "not a figure name");
    }

    private static void assertRefused(String figure, String... parts) {
        assertThatThrownBy(() -> Dhis2Figure.parse(figure))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("carelog.reporting.dhis2.mapping: figure '")
                .hasMessageContainingAll(parts);
    }

    @Test
    void nothingConfiguredIsTheDefault() {
        Dhis2Properties none = new Dhis2Properties(null, null, null, null, null, null, timeout(), timeout(), null);
        assertThat(none.configured()).isFalse();
        assertThat(none.sendable()).isFalse();
        assertThat(none.mapping()).isEmpty();
    }

    @Test
    void acceptsBasicOrTokenAuthenticationAndAnOptionalServer() {
        List<Mapping> mapping = List.of(new Mapping("census.registrations", ELEMENT, COMBO, ""));
        Dhis2Properties preview =
                new Dhis2Properties(null, null, null, null, ORG_UNIT, null, timeout(), timeout(), mapping);
        assertThat(preview.configured()).isTrue();
        assertThat(preview.sendable()).isFalse();
        assertThat(preview.mapping().get(0).attributeOptionCombo()).isNull();
        Dhis2Properties basic = properties(URI.create("https://dhis2.example.org"), "admin", "district", null, mapping);
        assertThat(basic.sendable()).isTrue();
        assertThat(basic.toString()).doesNotContain("district");
        assertThat(properties(URI.create("http://localhost:8080/dhis"), null, null, "d2pat_abc", mapping)
                        .sendable())
                .isTrue();
    }

    @Test
    void refusesAnIncompleteOrWrongConfigurationWithTheSettingsName() {
        List<Mapping> mapping = List.of(new Mapping("census.registrations", ELEMENT, null, null));
        URI server = URI.create("https://dhis2.example.org");
        assertThatThrownBy(() -> new Dhis2Properties(server, "a", "b", null, null, null, timeout(), timeout(), mapping))
                .hasMessageContaining("carelog.reporting.dhis2.org-unit is required");
        assertThatThrownBy(() ->
                        new Dhis2Properties(null, null, null, null, "DiszpKrYNg", null, timeout(), timeout(), mapping))
                .hasMessageContaining("carelog.reporting.dhis2.org-unit must be a DHIS2 id")
                .hasMessageContaining("'DiszpKrYNg'");
        assertThatThrownBy(() -> new Dhis2Properties(
                        null, null, null, null, ORG_UNIT, "1xxxxxxxxxx", timeout(), timeout(), mapping))
                .hasMessageContaining("carelog.reporting.dhis2.data-set must be a DHIS2 id");
        assertThatThrownBy(() -> properties(null, null, null, null, List.of()))
                .hasMessageContaining("carelog.reporting.dhis2.mapping must list at least one figure");
        assertThatThrownBy(
                        () -> properties(null, null, null, null, List.of(new Mapping("census.x", ELEMENT, null, null))))
                .hasMessageContaining("figure 'census.x'");
        assertThatThrownBy(() -> properties(
                        null, null, null, null, List.of(new Mapping("census.walk-ins", "s46m5MS0hx-", null, null))))
                .hasMessageContaining("carelog.reporting.dhis2.mapping[0].data-element must be a DHIS2 id");
        assertThatThrownBy(() -> properties(
                        null, null, null, null, List.of(new Mapping("census.walk-ins", ELEMENT, "short", null))))
                .hasMessageContaining("mapping[0].category-option-combo must be a DHIS2 id");
        assertThatThrownBy(() -> properties(
                        null,
                        null,
                        null,
                        null,
                        List.of(
                                new Mapping("census.walk-ins", ELEMENT, COMBO, null),
                                new Mapping("census.no-shows", ELEMENT, COMBO, null))))
                .hasMessageContaining("mapping[1]: data element s46m5MS0hxu with these option combos is mapped twice");
        assertThatThrownBy(() -> properties(URI.create("ftp://dhis2.example.org"), "a", "b", null, mapping))
                .hasMessageContaining("base-url must be an http or https address");
        assertThatThrownBy(() -> properties(server, null, null, null, mapping))
                .hasMessageContaining("either username and password (HTTP Basic) or personal-access-token");
        assertThatThrownBy(() -> properties(server, "admin", "district", "d2pat_abc", mapping))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> properties(server, "admin", null, null, mapping))
                .hasMessageContaining("carelog.reporting.dhis2.password is required with username");
        assertThatThrownBy(() ->
                        new Dhis2Properties(null, null, null, null, ORG_UNIT, null, Duration.ZERO, timeout(), mapping))
                .hasMessageContaining("carelog.reporting.dhis2.connect-timeout must be a positive duration");
    }

    @EnableConfigurationProperties(Dhis2Properties.class)
    static class Binding {}

    @Test
    void bindsFromPropertiesAndAWrongFigureStopsTheStart() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);
        runner.run(context -> assertThat(context.getBean(Dhis2Properties.class).configured())
                .as("nothing configured by default")
                .isFalse());
        runner.withPropertyValues(
                        "carelog.reporting.dhis2.org-unit=" + ORG_UNIT,
                        "carelog.reporting.dhis2.read-timeout=PT10S",
                        "carelog.reporting.dhis2.mapping[0].figure=diagnoses.code:CA40[sex=FEMALE,age=15-24]",
                        "carelog.reporting.dhis2.mapping[0].data-element=" + ELEMENT,
                        "carelog.reporting.dhis2.mapping[0].category-option-combo=" + COMBO)
                .run(context -> {
                    Dhis2Properties bound = context.getBean(Dhis2Properties.class);
                    assertThat(bound.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(bound.mapping())
                            .containsExactly(
                                    new Mapping("diagnoses.code:CA40[sex=FEMALE,age=15-24]", ELEMENT, COMBO, null));
                });
        runner.withPropertyValues(
                        "carelog.reporting.dhis2.org-unit=" + ORG_UNIT,
                        "carelog.reporting.dhis2.mapping[0].figure=census.beds",
                        "carelog.reporting.dhis2.mapping[0].data-element=" + ELEMENT)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessage("carelog.reporting.dhis2.mapping: figure 'census.beds': no figure is called"
                                    + " census.beds");
                });
    }

    @Test
    void theSchemaHoldsDhis2sFormat() {
        String valid = "{\"dataSet\":\"pBOMPrpg1QX\",\"completeDate\":\"2026-12-01\",\"period\":\"202611\","
                + "\"orgUnit\":\"DiszpKrYNg8\",\"dataValues\":[{\"dataElement\":\"s46m5MS0hxu\",\"period\":\"202611\","
                + "\"orgUnit\":\"DiszpKrYNg8\",\"categoryOptionCombo\":\"Prlt0C1RF0s\",\"value\":\"12\"}]}";
        assertThat(Dhis2Schema.violations(valid)).isEmpty();
        assertThat(Dhis2Schema.violations(valid.replace("\"12\"", "12"))).isNotEmpty();
        assertThat(Dhis2Schema.violations(valid.replace("202611\",\"orgUnit", "2026-11\",\"orgUnit")))
                .isNotEmpty();
        assertThat(Dhis2Schema.violations(valid.replace("s46m5MS0hxu", "s46m5MS0hx")))
                .isNotEmpty();
        assertThat(Dhis2Schema.violations(valid.replace(",\"value\":\"12\"", "")))
                .isNotEmpty();
        assertThat(Dhis2Schema.violations(
                        valid.replace("\"orgUnit\":\"DiszpKrYNg8\",\"dataValues\"", "\"dataValues\"")))
                .isNotEmpty();
    }

    private static Dhis2Properties properties(
            URI server, String username, String password, String token, List<Mapping> mapping) {
        return new Dhis2Properties(server, username, password, token, ORG_UNIT, null, timeout(), timeout(), mapping);
    }

    private static Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
