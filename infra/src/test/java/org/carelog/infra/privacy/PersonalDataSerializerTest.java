package org.carelog.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.carelog.api.patient.Address;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.EmailAddress;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NationalId;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientContactDetailsChanged;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PatientRegistration;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.Sex;
import org.junit.jupiter.api.Test;

/** The encryption of personal data in stored messages, without a database. */
class PersonalDataSerializerTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
    private final String masterKey = MasterKey.generateEncoded();
    private final SubjectKeyring keys = new SubjectKeyring(MasterKey.parse(masterKey), store, 100);
    private final PersonalDataSerializer serializer = serializer(keys);

    static JacksonSerializer jackson() {
        return JacksonSerializer.builder()
                .objectMapper(MAPPER)
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    static PersonalDataSerializer serializer(SubjectKeyring keys) {
        return new PersonalDataSerializer(jackson(), MAPPER, keys);
    }

    static PatientRegistered registered(PatientId id, String name, String phone, String nid, String line) {
        return new PatientRegistered(
                id,
                MedicalRecordNumber.of("CLG", 7),
                new PatientDemographics(
                        PersonName.of(null, name),
                        Sex.FEMALE,
                        BirthDate.exact(LocalDate.of(1990, 1, 2), LocalDate.of(2025, 1, 1)),
                        BloodGroup.A_POSITIVE),
                new PatientIdentifiers(NationalId.parse(nid), null),
                new PatientContact(
                        PhoneNumber.mobile(phone),
                        EmailAddress.parse("marker.mail@example.org"),
                        Address.of("30", "3026", null, line),
                        null,
                        Language.BN),
                new CommunicationConsent(true, false),
                "Override reason MarkerReason");
    }

    private final PatientId ayesha = PatientId.random();
    private final PatientRegistered ayeshas =
            registered(ayesha, "Ayesha Markerbegum", "01712000111", "1999000111", "MarkerLane 5");

    @Test
    void personalComponentsAreStoredAsCiphertextAndReadBackIntact() {
        SerializedObject<byte[]> stored = serializer.serialize(ayeshas, byte[].class);
        String text = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(text)
                .doesNotContain(
                        "Markerbegum", "8801712000111", "1999000111", "marker.mail", "MarkerLane", "MarkerReason")
                .contains(ayesha.toString(), "CLG-", "\"enc\"");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(ayeshas);
    }

    @Test
    void typesWithoutPersonalDataPassThroughUnchanged() {
        PatientRegistration result = new PatientRegistration(ayesha, MedicalRecordNumber.of("CLG", 7));
        SerializedObject<byte[]> stored = serializer.serialize(result, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("\"enc\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(result);
        assertThat(store.find(ayesha.toString())).as("no key made for nothing").isEmpty();
    }

    @Test
    void aFlippedBitInTheCiphertextFailsInsteadOfDecodingSomethingElse() {
        ObjectNode tree = tree(serializer.serialize(ayeshas, byte[].class));
        byte[] ciphertext =
                Base64.getDecoder().decode(tree.path("demographics").path("enc").asText());
        ciphertext[ciphertext.length / 2] ^= 0x01;
        ((ObjectNode) tree.get("demographics")).put("enc", Base64.getEncoder().encodeToString(ciphertext));

        assertThatThrownBy(() -> serializer.deserialize(stored(tree, ayeshas)))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("demographics")
                .hasMessageNotContaining("Markerbegum");
    }

    @Test
    void aCiphertextMovedToAnotherPatientFails() {
        PatientId other = PatientId.random();
        ObjectNode mine = tree(serializer.serialize(ayeshas, byte[].class));
        ObjectNode theirs = tree(serializer.serialize(
                registered(other, "Other Person", "01712000999", "1999000999", "Road"), byte[].class));
        theirs.set("contact", mine.get("contact"));

        assertThatThrownBy(() -> serializer.deserialize(stored(theirs, ayeshas)))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("contact");
    }

    @Test
    void aCiphertextMovedToAnotherFieldOrEventTypeFails() {
        ObjectNode tree = tree(serializer.serialize(ayeshas, byte[].class));
        ObjectNode swapped = tree.deepCopy();
        swapped.set("duplicateOverrideReason", tree.get("demographics"));
        assertThatThrownBy(() -> serializer.deserialize(stored(swapped, ayeshas)))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("duplicateOverrideReason");

        PatientContactDetailsChanged changed = new PatientContactDetailsChanged(ayesha, ayeshas.contact());
        ObjectNode changedTree = tree(serializer.serialize(changed, byte[].class));
        changedTree.set("contact", tree.get("contact"));
        assertThatThrownBy(() -> serializer.deserialize(stored(changedTree, changed)))
                .isInstanceOf(PersonalDataException.class);
    }

    @Test
    void aClearValueWhereCiphertextBelongsIsRefused() {
        ObjectNode tree = tree(serializer.serialize(ayeshas, byte[].class));
        tree.set("demographics", MAPPER.valueToTree(ayeshas.demographics()));

        assertThatThrownBy(() -> serializer.deserialize(stored(tree, ayeshas)))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("in clear");
    }

    @Test
    void anotherMasterKeyCannotReadTheKeys() {
        SerializedObject<byte[]> stored = serializer.serialize(ayeshas, byte[].class);
        SubjectKeyring stranger = new SubjectKeyring(MasterKey.parse(MasterKey.generateEncoded()), store, 100);

        assertThatThrownBy(() -> serializer(stranger).deserialize(stored))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("master key");
        assertThatThrownBy(stranger::checkMasterKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyForTheSameSubjectCannotDecrypt() {
        SerializedObject<byte[]> stored = serializer.serialize(ayeshas, byte[].class);
        InMemorySubjectKeyStore otherStore = new InMemorySubjectKeyStore();
        SubjectKeyring otherKeys = new SubjectKeyring(MasterKey.parse(masterKey), otherStore, 100);
        serializer(otherKeys).serialize(ayeshas, byte[].class); // makes a different key for the same patient

        assertThatThrownBy(() -> serializer(otherKeys).deserialize(stored))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("fails authentication");
    }

    @Test
    void afterTheKeyIsDestroyedTheEventLoadsWithoutItsPersonalData() {
        SerializedObject<byte[]> stored = serializer.serialize(ayeshas, byte[].class);
        keys.destroy(ayesha.toString());

        PatientRegistered read = serializer.deserialize(stored);
        assertThat(read.patientId()).isEqualTo(ayesha);
        assertThat(read.mrn()).isEqualTo(ayeshas.mrn());
        assertThat(read.consent()).isEqualTo(ayeshas.consent());
        assertThat(read.demographics()).isNull();
        assertThat(read.identifiers()).isNull();
        assertThat(read.contact()).isNull();
        assertThat(read.duplicateOverrideReason()).isNull();

        assertThatThrownBy(() -> serializer.serialize(ayeshas, byte[].class))
                .as("no new key, no new personal data for an erased patient")
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("erased");
    }

    @Test
    void aMissingKeyFailsLoudlyRatherThanLookingErased() {
        SerializedObject<byte[]> stored = serializer.serialize(ayeshas, byte[].class);
        SubjectKeyring empty = new SubjectKeyring(MasterKey.parse(masterKey), new InMemorySubjectKeyStore(), 100);

        assertThatThrownBy(() -> serializer(empty).deserialize(stored))
                .isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("no key");
    }

    private static ObjectNode tree(SerializedObject<byte[]> stored) {
        try {
            return (ObjectNode) MAPPER.readTree(stored.getData());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SerializedObject<byte[]> stored(ObjectNode tree, Object original) {
        try {
            return new SimpleSerializedObject<>(
                    MAPPER.writeValueAsBytes(tree), byte[].class, serializer.typeForClass(original.getClass()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
