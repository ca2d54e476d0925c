package org.carelog.infra.communication;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/**
 * A message's texts, encrypted with the patient's key through the one personal-data serializer (the same envelope
 * as events): destroying the key on erasure makes every copy unreadable, backups included.
 */
final class MessageContents {

    /** What goes to the gateway or the mail server. */
    @Revision("1")
    public record Outgoing(
            @DataSubject PatientId patientId,
            @PersonalData String address,
            @PersonalData String subject,
            @PersonalData String text,
            @PersonalData String html) {}

    /** What staff see: the address and the text with secret values masked. */
    @Revision("1")
    public record Displayed(
            @DataSubject PatientId patientId, @PersonalData String address, @PersonalData String text) {}

    private final Serializer serializer;

    MessageContents(Serializer serializer) {
        this.serializer = serializer;
    }

    byte[] seal(Object content) {
        return serializer.serialize(content, byte[].class).getData();
    }

    /** The content, with null parts when the patient was erased; null for no data. */
    <T> T open(byte[] data, Class<T> type) {
        if (data == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type.getName(), "1"));
    }
}
