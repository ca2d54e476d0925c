package org.carelog.infra.billing;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.patient.FindPatient;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.practitioner.FindPractitioner;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerSummary;
import org.carelog.projection.billing.BillingStore;
import org.carelog.projection.billing.InvoiceView;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printed invoice ({@code GET /billing/invoices/{id}.pdf}) and money receipt
 * ({@code GET /billing/invoices/{id}/receipt.pdf}): cashiers and administrators; each print is access-logged, as
 * the lines say what care was given.
 */
@RestController
class BillingDocuments {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final BillingStore store;
    private final QueryGateway queries;
    private final ClinicalAccessLog accessLog;
    private final BillingPdf pdf;

    BillingDocuments(BillingStore store, QueryGateway queries, ClinicalAccessLog accessLog, BillingPdf pdf) {
        this.store = store;
        this.queries = queries;
        this.accessLog = accessLog;
        this.pdf = pdf;
    }

    @GetMapping("/billing/invoices/{id}.pdf")
    @PreAuthorize("hasAnyRole('BILLING', 'ADMIN')")
    ResponseEntity<byte[]> invoice(@PathVariable String id, HttpServletRequest request) {
        return document(id, request, "invoice", false);
    }

    @GetMapping("/billing/invoices/{id}/receipt.pdf")
    @PreAuthorize("hasAnyRole('BILLING', 'ADMIN')")
    ResponseEntity<byte[]> receipt(@PathVariable String id, HttpServletRequest request) {
        return document(id, request, "receipt", true);
    }

    private ResponseEntity<byte[]> document(String id, HttpServletRequest request, String kind, boolean receipt) {
        InvoiceView invoice;
        try {
            invoice = store.find(InvoiceId.parse("id", id).value()).orElse(null);
        } catch (RuntimeException e) {
            return ResponseEntity.notFound().build();
        }
        if (invoice == null) {
            return ResponseEntity.notFound().build();
        }
        PatientId patientId = new PatientId(invoice.patientId());
        String requestId = request.getHeader("X-Request-Id");
        accessLog.recordRead(
                patientId,
                "billing." + kind + ".pdf",
                requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null);
        PatientSummary patient = queries.query(
                        new FindPatient(patientId), ResponseTypes.instanceOf(PatientSummary.class))
                .join();
        BillingPdf.Patient printed =
                patient == null ? null : new BillingPdf.Patient(patient.nameEn(), patient.nameBn(), patient.mrn());
        String practitioner = practitioner(invoice.practitionerId());
        byte[] bytes =
                receipt ? pdf.receipt(invoice, printed, practitioner) : pdf.invoice(invoice, printed, practitioner);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + invoice.number() + "-" + kind + ".pdf\"")
                .body(bytes);
    }

    private String practitioner(UUID practitionerId) {
        if (practitionerId == null) {
            return null;
        }
        PractitionerSummary doctor = queries.query(
                        new FindPractitioner(new PractitionerId(practitionerId)),
                        ResponseTypes.instanceOf(PractitionerSummary.class))
                .join();
        return doctor == null ? null : doctor.nameEn() != null ? doctor.nameEn() : doctor.nameBn();
    }
}
