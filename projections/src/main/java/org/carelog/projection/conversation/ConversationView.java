package org.carelog.projection.conversation;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.conversation.Author;

/**
 * One conversation as lists and the chart show it (without its messages). {@code subject} is null once the
 * patient is erased.
 *
 * @param status OPEN or CLOSED
 * @param patientReadUpTo the patient has read messages up to this number (read receipts)
 * @param careTeamReadUpTo the care team has read messages up to this number
 */
public record ConversationView(
        UUID conversationId,
        UUID patientId,
        UUID departmentId,
        String subject,
        Author startedBy,
        String status,
        UUID assignedPractitionerId,
        int messageCount,
        int patientReadUpTo,
        int careTeamReadUpTo,
        Instant startedAt,
        Instant lastMessageAt,
        Instant closedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    ConversationView withMessage(int number, Author author, Instant at) {
        return new ConversationView(
                conversationId,
                patientId,
                departmentId,
                subject,
                startedBy,
                status,
                assignedPractitionerId,
                Math.max(messageCount, number),
                author == Author.PATIENT ? Math.max(patientReadUpTo, number) : patientReadUpTo,
                author == Author.CARE_TEAM ? Math.max(careTeamReadUpTo, number) : careTeamReadUpTo,
                startedAt,
                at,
                closedAt);
    }

    ConversationView read(Author reader, int upTo) {
        return new ConversationView(
                conversationId,
                patientId,
                departmentId,
                subject,
                startedBy,
                status,
                assignedPractitionerId,
                messageCount,
                reader == Author.PATIENT ? Math.max(patientReadUpTo, upTo) : patientReadUpTo,
                reader == Author.CARE_TEAM ? Math.max(careTeamReadUpTo, upTo) : careTeamReadUpTo,
                startedAt,
                lastMessageAt,
                closedAt);
    }

    ConversationView assigned(UUID practitioner) {
        return new ConversationView(
                conversationId,
                patientId,
                departmentId,
                subject,
                startedBy,
                status,
                practitioner,
                messageCount,
                patientReadUpTo,
                careTeamReadUpTo,
                startedAt,
                lastMessageAt,
                closedAt);
    }

    ConversationView closed(Instant at) {
        return new ConversationView(
                conversationId,
                patientId,
                departmentId,
                subject,
                startedBy,
                CLOSED,
                assignedPractitionerId,
                messageCount,
                patientReadUpTo,
                careTeamReadUpTo,
                startedAt,
                lastMessageAt,
                at);
    }

    /** What a replay shows once the patient's key is gone. */
    public ConversationView erased() {
        return new ConversationView(
                conversationId,
                patientId,
                departmentId,
                null,
                startedBy,
                status,
                assignedPractitionerId,
                messageCount,
                patientReadUpTo,
                careTeamReadUpTo,
                startedAt,
                lastMessageAt,
                closedAt);
    }
}
