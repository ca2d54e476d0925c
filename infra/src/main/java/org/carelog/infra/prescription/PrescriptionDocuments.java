package org.carelog.infra.prescription;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.patient.FindPatient;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.practitioner.FindPractitioner;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.api.prescription.FindPrescription;
import org.carelog.api.prescription.FindPrescriptionByReference;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionId;
import org.carelog.api.prescription.PrescriptionSummary;
import org.carelog.infra.config.FacilityProperties;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printed prescription ({@code GET /prescriptions/{id}.pdf}, clinical readers, access-logged) and the public
 * verification of its QR code ({@code GET /verify/prescriptions/{reference}}, no account: what a pharmacist needs to
 * check that a paper is authentic, and nothing about the patient but the date; each verification is logged).
 */
@RestController
class PrescriptionDocuments {

    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final QueryGateway queries;
    private final ClinicalAccessLog accessLog;
    private final PrescriptionPdf pdf;
    private final FacilityProperties facility;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PrescriptionDocuments(
            QueryGateway queries,
            ClinicalAccessLog accessLog,
            PrescriptionPdf pdf,
            FacilityProperties facility,
            JdbcTemplate jdbc,
            Clock clock) {
        this.queries = queries;
        this.accessLog = accessLog;
        this.pdf = pdf;
        this.facility = facility;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/prescriptions/{id}.pdf")
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR')")
    ResponseEntity<byte[]> pdf(@PathVariable String id, HttpServletRequest request) {
        PrescriptionId prescriptionId;
        try {
            prescriptionId = PrescriptionId.parse("id", id);
        } catch (RuntimeException e) {
            return ResponseEntity.notFound().build();
        }
        PrescriptionSummary rx = queries.query(
                        new FindPrescription(prescriptionId), ResponseTypes.instanceOf(PrescriptionSummary.class))
                .join();
        if (rx == null) {
            return ResponseEntity.notFound().build();
        }
        PatientId patientId = PatientId.parse("patientId", rx.patientId());
        String requestId = request.getHeader("X-Request-Id");
        accessLog.recordRead(
                patientId,
                "prescription.pdf",
                requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null);
        PatientSummary patient = queries.query(
                        new FindPatient(patientId), ResponseTypes.instanceOf(PatientSummary.class))
                .join();
        byte[] document = pdf.render(rx, patient, doctor(rx), verificationUrl(rx.verificationReference()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"prescription-" + id + ".pdf\"")
                .body(document);
    }

    /** What the QR code resolves to. */
    record Verification(
            boolean valid,
            String status,
            String facility,
            String doctor,
            List<String> qualifications,
            String bmdcNumber,
            LocalDate signedOn,
            List<String> medicines,
            String replacedBy) {}

    @GetMapping(value = "/verify/prescriptions/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Verification> verify(@PathVariable String reference, HttpServletRequest request) {
        PrescriptionSummary rx = REFERENCE.matcher(reference).matches()
                ? queries.query(
                                new FindPrescriptionByReference(reference),
                                ResponseTypes.instanceOf(PrescriptionSummary.class))
                        .join()
                : null;
        if (rx == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new Verification(
                            false, "UNKNOWN", facility.name(), null, List.of(), null, null, List.of(), null));
        }
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        jdbc.update(
                "insert into prescription_verification (prescription_id, verified_at, remote_address, user_agent)"
                        + " values (?::uuid, ?, ?, ?)",
                rx.prescriptionId(),
                Timestamp.from(clock.instant()),
                truncate(request.getRemoteAddr(), 64),
                truncate(agent, 200));
        PractitionerSummary doctor = doctor(rx);
        List<String> medicines = new ArrayList<>();
        for (PrescribedItem item : rx.items() == null ? List.<PrescribedItem>of() : rx.items()) {
            medicines.add(PrescriptionPdf.medicineName(item) + " — " + PrescriptionPdf.dosage(item));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Verification(
                        true,
                        rx.replacedBy() == null ? "SIGNED" : "REPLACED",
                        facility.name(),
                        PrescriptionPdf.doctorName(doctor),
                        doctor == null ? List.of() : doctor.qualifications(),
                        rx.bmdcNumber(),
                        rx.signedOn(),
                        medicines,
                        rx.replacedBy()));
    }

    private PractitionerSummary doctor(PrescriptionSummary rx) {
        return queries.query(
                        new FindPractitioner(new PractitionerId(java.util.UUID.fromString(rx.practitionerId()))),
                        ResponseTypes.instanceOf(PractitionerSummary.class))
                .join();
    }

    private String verificationUrl(String reference) {
        String base = facility.publicUrl().endsWith("/")
                ? facility.publicUrl().substring(0, facility.publicUrl().length() - 1)
                : facility.publicUrl();
        return base + "/verify/prescriptions/" + reference;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
