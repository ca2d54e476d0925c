package org.carelog.infra.reporting;

import java.util.List;
import org.carelog.infra.reporting.Dhis2DataValueSets.DataValueSet;
import org.carelog.infra.reporting.Dhis2Submissions.Submission;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** National reporting to DHIS2 over GraphQL: preview a month, send a finished one, list what was sent. */
@Controller
class Dhis2Controller {

    private final Dhis2DataValueSets sets;
    private final Dhis2Submissions submissions;

    Dhis2Controller(Dhis2DataValueSets sets, Dhis2Submissions submissions) {
        this.sets = sets;
        this.submissions = submissions;
    }

    record SendDhis2DataValueSetInput(String month, String idempotencyKey) {}

    record SendDhis2DataValueSetPayload(Submission submission) {}

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    DataValueSet dhis2DataValueSet(@Argument String month) {
        return sets.build(month);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    List<Submission> dhis2Submissions(@Argument Integer first) {
        return submissions.recent(first == null ? 20 : first);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    SendDhis2DataValueSetPayload sendDhis2DataValueSet(
            @Argument SendDhis2DataValueSetInput input, Authentication user) {
        return new SendDhis2DataValueSetPayload(
                submissions.send(user.getName(), input.month(), input.idempotencyKey()));
    }
}
