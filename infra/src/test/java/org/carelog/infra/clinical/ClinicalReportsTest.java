package org.carelog.infra.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.common.Role;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.prescription.PrescriptionSigned;
import org.carelog.infra.lab.LabOrdersTest;
import org.carelog.infra.patient.PatientFixtures;
import org.carelog.infra.prescription.PrescriptionIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinical reports (diagnoses by chapter, code, sex and age group; medicines; lab turnaround and abnormal
 * rates) against figures computed independently from the stored events of one doctor's clinic: 200 patients of
 * both sexes and all ages, diagnoses (one retracted), prescriptions and lab orders resulted and verified.
 */
class ClinicalReportsTest extends EncounterApi {

    private static final int PATIENTS = 200;
    private static final String[] LATIN = {"ka", "ke", "ki", "ko", "ku", "ga", "ge", "gi", "go", "gu"};
    private static final String[] BANGLA = {"কা", "কে", "কি", "কো", "কু", "গা", "গে", "গি", "গো", "গু"};

    /** {@code n} spelled one syllable per decimal digit, after a leading "ba" (so 7 is "bagi", 207 "bakikagi"). */
    private static String spelled(int n, String[] syllables) {
        StringBuilder word = new StringBuilder(syllables == LATIN ? "ba" : "বা");
        for (char digit : Integer.toString(n).toCharArray()) {
            word.append(syllables[digit - '0']);
        }
        return word.toString();
    }

    private static final List<String> CODES = List.of("1A00", "BA00.Z", "1A00", "5A11", "BA00.Z", "1A00");

    @Autowired
    EventStorageEngine events;

    @Test
    void diagnosesMedicinesAndLabsEqualWhatTheEventsSay() {
        String department = createDepartment("Reports Clinic", "রিপোর্ট ক্লিনিক");
        String practitioner = registerDoctor(department, LocalDate.now().plusYears(1));
        String doctor = staffActingAs(Role.DOCTOR, practitioner);
        String technician = newStaff(Role.LAB_TECHNICIAN);
        String verifier = newStaff(Role.LAB_TECHNICIAN);
        for (int i = 0; i < PATIENTS; i++) {
            Map<String, Object> registration = PatientFixtures.bystander(80_000_000L + unique());
            @SuppressWarnings("unchecked")
            Map<String, Object> demographics = (Map<String, Object>) registration.get("demographics");
            // Names of their own: these birth dates are not the fixtures', and a look-alike name with the same
            // birth date would trip another test's duplicate check.
            demographics.put("nameEn", "Report " + spelled(i, LATIN));
            demographics.put("nameBn", "রিপোর্ট " + spelled(i, BANGLA));
            demographics.put("sex", i % 3 == 0 ? "MALE" : "FEMALE");
            demographics.put(
                    "birthDate",
                    LocalDate.now().minusYears(i % 25 * 4L).minusDays(40 + i).toString());
            String patient = data(post(
                            credentials(Role.RECEPTIONIST),
                            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                            Map.of("input", registration)))
                    .at("/registerPatient/patientId")
                    .asText();
            String encounter = openEncounter(doctor, patient);
            String diagnosis = diagnose(doctor, encounter, "PRIMARY", CODES.get(i % CODES.size()), null);
            if (i % 4 == 1) {
                diagnose(doctor, encounter, "SECONDARY", null, "Tiredness, unexplained");
            }
            if (i == 5) {
                ok(
                        doctor,
                        "mutation($input: ChangeDiagnosisInput!) { retractDiagnosis(input: $input) { diagnosisId } }",
                        Map.of(
                                "input",
                                map("encounterId", encounter, "diagnosisId", diagnosis, "reason", "wrong patient")));
            }
            if (i % 2 == 0) {
                data(post(
                        doctor,
                        PrescriptionIntegrationTest.WRITE,
                        Map.of("input", PrescriptionIntegrationTest.prescription(patient, encounter, null))));
            }
            if (i % 3 == 1) {
                String order = data(post(
                                doctor,
                                LabOrdersTest.ORDER,
                                Map.of("input", LabOrdersTest.routineOrder(patient, encounter, "718-7"))))
                        .at("/orderLabTest/orderId")
                        .asText();
                data(post(credentials(Role.NURSE), LabOrdersTest.COLLECT, LabOrdersTest.bloodSample(order)));
                data(post(
                        technician,
                        LabOrdersTest.ENTER,
                        LabOrdersTest.haemoglobinResult(order, i % 2 == 0 ? "14" : "9.5")));
                if (i != 4) {
                    data(post(verifier, LabOrdersTest.VERIFY, Map.of("input", Map.of("orderId", order, "version", 1))));
                }
            }
        }
        awaitCaughtUp("clinical-reports");
        Expected expected = expected(practitioner);
        LocalDate today = LocalDate.now(DHAKA);
        Map<String, Object> filter =
                map("from", today.minusDays(1).toString(), "to", today.toString(), "practitionerId", practitioner);

        JsonNode diagnoses = data(post(
                        credentials(Role.AUDITOR),
                        "query($f: ReportFilterInput!) { diagnosisReport(filter: $f, limit: 10) { total"
                                + " byChapter { key count } topCodes { code chapter title count bySex { key count }"
                                + " byAgeGroup { key count } } } }",
                        Map.of("f", filter)))
                .get("diagnosisReport");
        assertThat(diagnoses.get("total").asInt()).isEqualTo(expected.diagnoses);
        Map<String, Integer> byCode = new TreeMap<>();
        diagnoses
                .get("topCodes")
                .forEach(c -> byCode.put(c.get("code").asText(), c.get("count").asInt()));
        assertThat(byCode).isEqualTo(expected.byCode);
        diagnoses.get("topCodes").forEach(c -> {
            String code = c.get("code").asText();
            Map<String, Integer> sexes = new TreeMap<>();
            c.get("bySex")
                    .forEach(
                            s -> sexes.put(s.get("key").asText(), s.get("count").asInt()));
            assertThat(sexes).as(code).isEqualTo(expected.bySex.get(code));
            Map<String, Integer> ages = new TreeMap<>();
            c.get("byAgeGroup")
                    .forEach(a -> ages.put(a.get("key").asText(), a.get("count").asInt()));
            assertThat(ages).as(code).isEqualTo(expected.byAge.get(code));
            assertThat(c.get("chapter").isNull()).isFalse();
        });
        int chapters = 0;
        for (JsonNode chapter : diagnoses.get("byChapter")) {
            chapters += chapter.get("count").asInt();
        }
        assertThat(chapters).isEqualTo(expected.diagnoses);

        JsonNode medicines = data(post(
                        credentials(Role.ADMIN),
                        "query($f: ReportFilterInput!) { prescriptionReport(filter: $f) { medicine prescriptions items } }",
                        Map.of("f", filter)))
                .get("prescriptionReport");
        Map<String, Integer> prescribed = new TreeMap<>();
        medicines.forEach(m -> prescribed.put(
                m.get("medicine").asText(), m.get("prescriptions").asInt()));
        assertThat(prescribed).isEqualTo(expected.medicines);

        JsonNode labs = data(post(
                        credentials(Role.ADMIN),
                        "query($f: ReportFilterInput!) { labReport(filter: $f) { code orders verified"
                                + " turnaroundMedianHours abnormal abnormalRate } }",
                        Map.of("f", filter)))
                .at("/labReport/0");
        assertThat(expected.labOrders).isEqualTo((PATIENTS + 1) / 3); // every third patient, from the second
        assertThat(labs.get("code").asText()).isEqualTo("718-7");
        assertThat(labs.get("orders").asInt()).isEqualTo(expected.labOrders);
        assertThat(labs.get("verified").asInt()).isEqualTo(expected.turnaroundHours.size());
        assertThat(labs.get("abnormal").asInt()).isEqualTo(expected.abnormal);
        assertThat(labs.get("abnormalRate").asDouble())
                .isCloseTo((double) expected.abnormal / expected.flagged, within(1e-9));
        assertThat(labs.get("turnaroundMedianHours").asDouble())
                .isCloseTo(median(expected.turnaroundHours), within(0.006));

        // The CSV exports hold the same figures (and no patient).
        String query = "?from=" + today.minusDays(1) + "&to=" + today + "&practitionerId=" + practitioner;
        List<CSVRecord> diagnosisRows = csv("/reports/diagnoses.csv" + query, credentials(Role.AUDITOR));
        assertThat(diagnosisRows.get(0).getParser().getHeaderNames())
                .containsExactly("day", "department_id", "system", "code", "chapter", "sex", "age_group", "count");
        Map<String, Integer> chaptersCsv = new TreeMap<>();
        Map<String, Integer> codesCsv = new TreeMap<>();
        Map<String, Map<String, Integer>> sexCsv = new HashMap<>();
        Map<String, Map<String, Integer>> ageCsv = new HashMap<>();
        for (CSVRecord row : diagnosisRows) {
            int count = Integer.parseInt(row.get("count"));
            chaptersCsv.merge(row.get("chapter"), count, Integer::sum);
            String code = row.get("code");
            if (!code.isEmpty()) {
                codesCsv.merge(code, count, Integer::sum);
                sexCsv.computeIfAbsent(code, k -> new TreeMap<>()).merge(row.get("sex"), count, Integer::sum);
                ageCsv.computeIfAbsent(code, k -> new TreeMap<>()).merge(row.get("age_group"), count, Integer::sum);
            }
        }
        Map<String, Integer> chaptersReported = new TreeMap<>();
        diagnoses
                .get("byChapter")
                .forEach(c -> chaptersReported.put(
                        c.get("key").asText(), c.get("count").asInt()));
        assertThat(chaptersCsv).isEqualTo(chaptersReported);
        assertThat(codesCsv).isEqualTo(byCode);
        diagnoses.get("topCodes").forEach(c -> {
            String code = c.get("code").asText();
            c.get("bySex")
                    .forEach(x -> assertThat(sexCsv.get(code).get(x.get("key").asText()))
                            .isEqualTo(x.get("count").asInt()));
            c.get("byAgeGroup")
                    .forEach(x -> assertThat(ageCsv.get(code).get(x.get("key").asText()))
                            .isEqualTo(x.get("count").asInt()));
        });

        List<CSVRecord> prescriptionRows = csv("/reports/prescriptions.csv" + query, credentials(Role.ADMIN));
        assertThat(prescriptionRows.get(0).getParser().getHeaderNames())
                .containsExactly("day", "department_id", "medicine", "prescriptions", "items");
        Map<String, List<Integer>> medicinesCsv = new TreeMap<>();
        for (CSVRecord row : prescriptionRows) {
            medicinesCsv.merge(
                    row.get("medicine"),
                    List.of(Integer.parseInt(row.get("prescriptions")), Integer.parseInt(row.get("items"))),
                    (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
        }
        Map<String, List<Integer>> medicinesReported = new TreeMap<>();
        medicines.forEach(m -> medicinesReported.put(
                m.get("medicine").asText(),
                List.of(m.get("prescriptions").asInt(), m.get("items").asInt())));
        assertThat(medicinesCsv).isEqualTo(medicinesReported);

        List<CSVRecord> orderRows = csv("/reports/lab-orders.csv" + query, credentials(Role.ADMIN));
        assertThat(orderRows.get(0).getParser().getHeaderNames())
                .containsExactly(
                        "day",
                        "department_id",
                        "kind",
                        "code",
                        "name",
                        "ordered_at",
                        "verified_at",
                        "turnaround_hours",
                        "flag");
        assertThat(orderRows).hasSize(labs.get("orders").asInt());
        assertThat(orderRows.stream().filter(r -> !r.get("verified_at").isEmpty()))
                .hasSize(labs.get("verified").asInt());
        assertThat(orderRows.stream()
                        .filter(r -> !r.get("flag").isEmpty() && !r.get("flag").equals("NORMAL")))
                .hasSize(labs.get("abnormal").asInt());
        List<Double> turnarounds = orderRows.stream()
                .filter(r -> !r.get("turnaround_hours").isEmpty())
                .map(r -> Double.parseDouble(r.get("turnaround_hours")))
                .toList();
        assertThat(median(turnarounds))
                .as("each order's turnaround is rounded to hundredths")
                .isCloseTo(labs.get("turnaroundMedianHours").asDouble(), within(0.011));

        JsonNode refused = json(post(
                credentials(Role.DOCTOR),
                "query($f: ReportFilterInput!) { diagnosisReport(filter: $f) { total } }",
                Map.of("f", filter)));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    private static final class Expected {
        int diagnoses;
        final Map<String, Integer> byCode = new TreeMap<>();
        final Map<String, Map<String, Integer>> bySex = new HashMap<>();
        final Map<String, Map<String, Integer>> byAge = new HashMap<>();
        final Map<String, Integer> medicines = new TreeMap<>();
        int labOrders;
        int abnormal;
        int flagged;
        final List<Double> turnaroundHours = new ArrayList<>();
    }

    /** The practitioner's figures, straight from the stored events. */
    private Expected expected(String practitioner) {
        Expected expected = new Expected();
        Map<UUID, String> sex = new HashMap<>();
        Map<UUID, LocalDate> born = new HashMap<>();
        Set<UUID> encounters = new HashSet<>();
        Map<UUID, String[]> diagnoses = new HashMap<>();
        Map<UUID, Instant> ordered = new HashMap<>();
        Set<UUID> verified = new HashSet<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(event -> {
                Object payload = event.getPayload();
                LocalDate day = event.getTimestamp().atZone(DHAKA).toLocalDate();
                if (payload instanceof PatientRegistered r && r.demographics() != null) {
                    sex.put(r.patientId().value(), r.demographics().sex().name());
                    born.put(r.patientId().value(), r.demographics().birthDate().date());
                } else if (payload instanceof EncounterOpened o
                        && o.attending().value().toString().equals(practitioner)) {
                    encounters.add(o.encounterId().value());
                } else if (payload instanceof DiagnosisRecorded d
                        && encounters.contains(d.encounterId().value())
                        && !d.uncoded()) {
                    UUID patient = d.patientId().value();
                    int years = Period.between(born.get(patient), day).getYears();
                    String group = years < 1
                            ? "<1"
                            : years < 5
                                    ? "1-4"
                                    : years < 15
                                            ? "5-14"
                                            : years < 25
                                                    ? "15-24"
                                                    : years < 45 ? "25-44" : years < 65 ? "45-64" : "65+";
                    diagnoses.put(d.diagnosisId(), new String[] {d.code(), sex.get(patient), group});
                } else if (payload instanceof DiagnosisRecorded d
                        && encounters.contains(d.encounterId().value())) {
                    diagnoses.put(d.diagnosisId(), new String[] {null, null, null});
                } else if (payload instanceof DiagnosisRetracted r) {
                    diagnoses.remove(r.diagnosisId());
                } else if (payload instanceof PrescriptionSigned p
                        && encounters.contains(p.encounterId().value())) {
                    p.items().stream()
                            .map(item -> item.genericName())
                            .distinct()
                            .forEach(m -> expected.medicines.merge(m, 1, Integer::sum));
                } else if (payload instanceof LabTestOrdered o
                        && o.encounterId() != null
                        && encounters.contains(o.encounterId().value())) {
                    expected.labOrders++;
                    ordered.put(o.orderId().value(), event.getTimestamp());
                } else if (payload instanceof LabResultEntered e
                        && ordered.containsKey(e.orderId().value())) {
                    expected.flagged++;
                    if (e.result().flag().abnormal()) {
                        expected.abnormal++;
                    }
                } else if (payload instanceof LabResultVerified v
                        && ordered.containsKey(v.orderId().value())
                        && verified.add(v.orderId().value())) {
                    expected.turnaroundHours.add(
                            Duration.between(ordered.get(v.orderId().value()), event.getTimestamp())
                                            .toMillis()
                                    / 3_600_000.0);
                }
            });
        }
        for (String[] d : diagnoses.values()) {
            expected.diagnoses++;
            if (d[0] == null) {
                continue;
            }
            expected.byCode.merge(d[0], 1, Integer::sum);
            expected.bySex.computeIfAbsent(d[0], k -> new TreeMap<>()).merge(d[1], 1, Integer::sum);
            expected.byAge.computeIfAbsent(d[0], k -> new TreeMap<>()).merge(d[2], 1, Integer::sum);
        }
        return expected;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = 0.5 * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.size() - 1);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }
}
