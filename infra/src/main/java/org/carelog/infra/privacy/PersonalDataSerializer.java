package org.carelog.infra.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;

/**
 * Encrypts the {@link PersonalData} components of every message it stores with the key of the message's
 * {@link DataSubject}, around the Jackson serializer that does the rest. Each encrypted component becomes
 * an envelope {@code {"enc": base64, "v": 1}}; its associated data binds it to the subject, the stored
 * type and the component, so a ciphertext moved to another field, type or patient fails. On reading, a
 * destroyed key turns the component into null (the message still loads); a ciphertext that fails
 * authentication, a clear value where an envelope belongs, or a missing key fails loudly.
 *
 * <p>Events, snapshots, dead letters, sagas and tokens all go through this one serializer; types without
 * personal data pass straight through.
 */
public final class PersonalDataSerializer implements Serializer {

    static final String CIPHERTEXT = "enc";
    static final String VERSION = "v";
    static final int FORMAT_VERSION = 1;

    /** Where a type's subject and personal data are, and how to read it back; or nothing to protect. */
    private record Protection(
            String subject, List<String> personal, List<Component> components, Constructor<?> constructor) {}

    /** A record component: its name, whether it is personal, and a reader for its type. */
    private record Component(String name, boolean personal, ObjectReader reader) {}

    private static final Protection NONE = new Protection(null, List.of(), List.of(), null);

    private final Serializer delegate;
    private final ObjectMapper mapper;
    private final SubjectKeyring keys;
    private final ClassValue<Protection> protections = new ClassValue<>() {
        @Override
        protected Protection computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    /** {@code mapper} must be the one {@code delegate} serializes with. */
    public PersonalDataSerializer(Serializer delegate, ObjectMapper mapper, SubjectKeyring keys) {
        this.delegate = delegate;
        this.mapper = mapper;
        this.keys = keys;
    }

    /** The serializer that does everything but the encryption. */
    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Protection protection = object == null ? NONE : protections.get(object.getClass());
        if (protection == NONE) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedType type = delegate.typeForClass(object.getClass());
        ObjectNode tree = mapper.valueToTree(object);
        String subject = subjectOf(tree, protection, type);
        Aead aead = null;
        for (String field : protection.personal()) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (aead == null) {
                aead = keys.forEncryption(subject);
            }
            try {
                byte[] ciphertext = aead.encrypt(mapper.writeValueAsBytes(value), associatedData(subject, type, field));
                ObjectNode envelope = tree.objectNode();
                envelope.put(CIPHERTEXT, Base64.getEncoder().encodeToString(ciphertext));
                envelope.put(VERSION, FORMAT_VERSION);
                tree.set(field, envelope);
            } catch (GeneralSecurityException | JsonProcessingException e) {
                throw new PersonalDataException(
                        "field " + field + " of " + type.getName() + " could not be encrypted", e);
            }
        }
        if (expectedRepresentation == byte[].class) {
            // The usual case (JDBC storage), without a trip through the converter chain.
            try {
                @SuppressWarnings("unchecked")
                T bytes = (T) mapper.writeValueAsBytes(tree);
                return new SimpleSerializedObject<>(bytes, expectedRepresentation, type);
            } catch (JsonProcessingException e) {
                throw new PersonalDataException(type.getName() + " could not be written", e);
            }
        }
        return delegate.getConverter()
                .convert(new SimpleSerializedObject<>(tree, JsonNode.class, type), expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        Protection protection = SerializedType.emptyType().equals(type) ? NONE : protections.get(classForType(type));
        if (protection == NONE) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode tree = readTree(serializedObject);
        String subject = subjectOf(tree, protection, type);
        Optional<Aead> aead = null;
        Object[] values = new Object[protection.components().size()];
        try {
            for (int i = 0; i < values.length; i++) {
                Component component = protection.components().get(i);
                JsonNode node = tree.get(component.name());
                if (!component.personal() || node == null || node.isNull()) {
                    values[i] = component.reader().readValue(node == null ? NullNode.getInstance() : node);
                    continue;
                }
                if (!node.isObject() || !node.path(CIPHERTEXT).isTextual()) {
                    throw new PersonalDataException("field " + component.name() + " of " + type.getName()
                            + " for data subject " + subject + " is stored in clear where only ciphertext belongs");
                }
                if (aead == null) {
                    aead = keys.forDecryption(subject);
                }
                values[i] = aead.isEmpty()
                        ? null
                        : component.reader().readValue(decrypt(aead.get(), node, subject, type, component.name()));
            }
            return (T) protection.constructor().newInstance(values);
        } catch (IOException e) {
            throw new PersonalDataException(type.getName() + " for data subject " + subject + " could not be read", e);
        } catch (ReflectiveOperationException e) {
            throw new PersonalDataException(type.getName() + " could not be constructed", e);
        }
    }

    private static byte[] decrypt(Aead aead, JsonNode envelope, String subject, SerializedType type, String field) {
        try {
            return aead.decrypt(
                    Base64.getDecoder().decode(envelope.get(CIPHERTEXT).asText()),
                    associatedData(subject, type, field));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PersonalDataException("field " + field + " of " + type.getName() + " for data subject " + subject
                    + " fails authentication: it was altered or moved, and is not read");
        }
    }

    /** A tree of the stored form that may be changed (a stored JsonNode is copied, never altered). */
    private <S> ObjectNode readTree(SerializedObject<S> serializedObject) {
        Object data = serializedObject.getData();
        try {
            if (data instanceof byte[] bytes) {
                return (ObjectNode) mapper.readTree(bytes);
            }
            if (data instanceof JsonNode node) {
                return (ObjectNode) node.deepCopy();
            }
        } catch (IOException e) {
            throw new PersonalDataException(serializedObject.getType().getName() + " is not valid JSON", e);
        }
        return (ObjectNode) delegate.getConverter()
                .convert(serializedObject, JsonNode.class)
                .getData();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static String subjectOf(ObjectNode tree, Protection protection, SerializedType type) {
        JsonNode node = tree.get(protection.subject());
        if (node != null && node.isObject() && node.size() == 1) {
            node = node.elements().next();
        }
        if (node == null
                || !node.isValueNode()
                || node.isNull()
                || node.asText().isBlank()) {
            throw new PersonalDataException("a " + type.getName() + " without its data subject cannot be stored");
        }
        return node.asText();
    }

    private static byte[] associatedData(String subject, SerializedType type, String field) {
        return (subject + '\u0000' + type.getName() + '\u0000' + field).getBytes(StandardCharsets.UTF_8);
    }

    private Protection inspect(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        String subject = null;
        List<String> personal = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.add(new Component(
                    component.getName(),
                    component.isAnnotationPresent(PersonalData.class),
                    mapper.readerFor(mapper.getTypeFactory().constructType(component.getGenericType()))));
            if (component.isAnnotationPresent(DataSubject.class)) {
                if (subject != null) {
                    throw new IllegalStateException(type.getName() + " names more than one @DataSubject");
                }
                subject = component.getName();
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
            }
        }
        if (personal.isEmpty()) {
            return NONE;
        }
        if (subject == null) {
            throw new IllegalStateException(type.getName() + " has @PersonalData but no @DataSubject to key it");
        }
        try {
            Class<?>[] parameters = java.util.Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return new Protection(subject, List.copyOf(personal), List.copyOf(components), constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }
}
