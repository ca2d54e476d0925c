package org.carelog.query.conversation;

import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.conversation.ConversationId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.projection.conversation.ConversationFold;
import org.carelog.projection.conversation.ConversationStore;
import org.carelog.projection.conversation.ConversationView;
import org.carelog.projection.conversation.MessageView;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.carelog.query.clinical.PatientChartView;
import org.carelog.query.clinical.PatientHistory;
import org.carelog.query.conversation.ConversationResults.ConversationResult;
import org.carelog.query.portal.CurrentPatient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secure messages to read: one conversation and a department's list (clinicians), the chart's section (as it is,
 * or as it was at an instant, folded from the stored events), and the signed-in patient's own conversations.
 * Every read is access-logged per patient before it is returned; a patient's read as the patient.
 */
@Controller
class ConversationQueries {

    static final int MAX_LIST = 200;

    private final ConversationStore store;
    private final ClinicalAccessLog accessLog;
    private final ObjectProvider<PatientHistory> history;

    ConversationQueries(ConversationStore store, ClinicalAccessLog accessLog, ObjectProvider<PatientHistory> history) {
        this.store = store;
        this.accessLog = accessLog;
        this.history = history;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE', 'AUDITOR')")
    @Transactional
    ConversationResult conversation(@Argument String id, DataFetchingEnvironment env) {
        ConversationView found =
                store.find(ConversationId.parse("id", id).value()).orElse(null);
        if (found == null) {
            return null;
        }
        accessLog.recordRead(new PatientId(found.patientId()), "conversation", env);
        return withMessages(List.of(found), env).get(0);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE')")
    @Transactional
    List<ConversationResult> departmentConversations(
            @Argument String departmentId,
            @Argument String status,
            @Argument Integer first,
            DataFetchingEnvironment env) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_LIST) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_LIST);
        }
        List<ConversationView> found = store.ofDepartment(
                DepartmentId.parse("departmentId", departmentId).value(), status, limit);
        Set<UUID> patients = new LinkedHashSet<>();
        found.forEach(c -> patients.add(c.patientId()));
        patients.forEach(p -> accessLog.recordRead(new PatientId(p), "departmentConversations", env));
        return withMessages(found, env);
    }

    @SchemaMapping(typeName = "PatientChart", field = "conversations")
    @Transactional
    List<ConversationResult> chartConversations(PatientChartView chart, DataFetchingEnvironment env) {
        accessLog.recordRead(
                chart.patientId(), chart.asOf() == null ? "chart.conversations" : "chart.asOf.conversations", env);
        if (chart.asOf() == null) {
            return withMessages(store.ofPatient(chart.patientId().value()), env);
        }
        PatientHistory events = history.getIfAvailable();
        if (events == null) {
            throw new IllegalStateException("no patient history to reconstruct the chart from");
        }
        return ConversationFold.fold(events.eventsUntil(chart.patientId(), chart.asOf())).stream()
                .map(ConversationResults::of)
                .toList();
    }

    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    List<ConversationResult> myConversations(DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        accessLog.recordRead(me, "portal.conversations", env);
        return withMessages(store.ofPatient(me.value()), env);
    }

    /** One of the signed-in patient's conversations; null for any other, exactly as for an id that does not exist. */
    @QueryMapping
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    ConversationResult myConversation(@Argument String id, DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        ConversationView found = store.find(ConversationId.parse("id", id).value())
                .filter(c -> c.patientId().equals(me.value()))
                .orElse(null);
        if (found == null) {
            return null;
        }
        accessLog.recordRead(me, "portal.conversation", env);
        return withMessages(List.of(found), env).get(0);
    }

    /** The messages are read (one query for all the conversations) only when the request asks for them. */
    private List<ConversationResult> withMessages(List<ConversationView> views, DataFetchingEnvironment env) {
        Map<UUID, List<MessageView>> messages = env.getSelectionSet().contains("messages")
                ? store.messages(
                        views.stream().map(ConversationView::conversationId).toList())
                : Map.of();
        return ConversationResults.of(views, messages);
    }
}
