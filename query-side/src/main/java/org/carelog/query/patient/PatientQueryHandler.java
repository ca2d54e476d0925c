package org.carelog.query.patient;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.carelog.api.common.Digits;
import org.carelog.api.patient.FindPatient;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NameMatching;
import org.carelog.api.patient.PatientPage;
import org.carelog.api.patient.PatientSummary;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.SearchPatients;
import org.carelog.projection.patient.PatientDirectoryEntry;
import org.carelog.projection.patient.PatientDirectoryRepository;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers patient directory queries. The search text is recognised as an MRN, a phone number, an
 * identity number, or else a name, and searched by the one index that fits.
 */
@Component
class PatientQueryHandler {

    private final PatientDirectoryRepository directory;

    PatientQueryHandler(PatientDirectoryRepository directory) {
        this.directory = directory;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    PatientSummary find(FindPatient query) {
        return directory
                .findById(query.patientId().value())
                .map(PatientDirectoryEntry::toSummary)
                .orElse(null);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    PatientPage search(SearchPatients query) {
        Limit limit = Limit.of(query.limit() + 1);
        List<PatientDirectoryEntry> rows =
                matches(query.text() == null ? "" : query.text().strip(), query.afterSequence(), limit);
        boolean more = rows.size() > query.limit();
        List<PatientSummary> page = rows.stream()
                .limit(query.limit())
                .map(PatientDirectoryEntry::toSummary)
                .toList();
        return new PatientPage(page, more);
    }

    private List<PatientDirectoryEntry> matches(String text, long after, Limit limit) {
        if (text.isEmpty()) {
            return directory.findByMrnSequenceGreaterThanOrderByMrnSequence(after, limit);
        }
        Optional<MedicalRecordNumber> mrn = MedicalRecordNumber.parse(text);
        if (mrn.isPresent()) {
            return directory.findByMrnAndMrnSequenceGreaterThanOrderByMrnSequence(
                    mrn.get().value(), after, limit);
        }
        String digits = identityDigits(text);
        if (digits != null && (digits.length() == 10 || digits.length() == 13 || digits.length() == 17)) {
            List<PatientDirectoryEntry> byId = directory.findByIdentityNumber(digits, after, limit);
            if (!byId.isEmpty()) {
                return byId;
            }
        }
        Optional<PhoneNumber> phone = digits == null ? Optional.empty() : PhoneNumber.lenient(text);
        if (phone.isPresent()) {
            return directory.findByPhoneAndMrnSequenceGreaterThanOrderByMrnSequence(
                    phone.get().e164(), after, limit);
        }
        if (digits != null) {
            return List.of();
        }
        List<String> forms = NameMatching.searchForms(text);
        String first = contains(forms.get(0));
        String second = forms.size() > 1 ? contains(forms.get(1)) : first;
        return directory.findByName(first, second, after, limit);
    }

    /** Digits of text made only of digits (any script), spaces, hyphens and a leading plus; else null. */
    private static String identityDigits(String text) {
        return Digits.only(text.startsWith("+") ? text.substring(1) : text);
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
