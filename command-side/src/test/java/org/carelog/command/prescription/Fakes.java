package org.carelog.command.prescription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.BmdcRegistration;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.command.clinical.EncounterFacts;
import org.carelog.command.clinical.Encounters;
import org.carelog.command.common.StaffPractitioners;

/** In-memory stand-ins for the prescribing lookups. */
final class Fakes implements StaffPractitioners, PrescriberRegistrations, ActiveAllergies, MedicineNames, Encounters {

    final Map<EncounterId, EncounterFacts> encounters = new HashMap<>();

    @Override
    public Optional<EncounterFacts> find(EncounterId encounter) {
        return Optional.ofNullable(encounters.get(encounter));
    }

    final Map<String, PractitionerId> staff = new HashMap<>();
    final Map<PractitionerId, BmdcRegistration> registrations = new HashMap<>();
    final Map<PatientId, List<ActiveAllergy>> allergies = new HashMap<>();
    /** Groups of names meaning one medicine (generic, synonyms, brands). */
    final List<Set<String>> medicines = new ArrayList<>();

    Fakes medicine(String... names) {
        Set<String> group = new HashSet<>();
        for (String n : names) {
            group.add(n.toLowerCase(Locale.ROOT));
        }
        medicines.add(group);
        return this;
    }

    @Override
    public Optional<PractitionerId> practitionerOf(String username) {
        return Optional.ofNullable(staff.get(username));
    }

    @Override
    public Optional<BmdcRegistration> registrationOf(PractitionerId practitioner) {
        return Optional.ofNullable(registrations.get(practitioner));
    }

    @Override
    public List<ActiveAllergy> of(PatientId patient) {
        return allergies.getOrDefault(patient, List.of());
    }

    @Override
    public Set<String> namesOf(String medicineCode, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>(Set.of(n));
        for (Set<String> group : medicines) {
            if (group.contains(n) || (medicineCode != null && group.contains(medicineCode.toLowerCase(Locale.ROOT)))) {
                out.addAll(group);
            }
        }
        return out;
    }
}
