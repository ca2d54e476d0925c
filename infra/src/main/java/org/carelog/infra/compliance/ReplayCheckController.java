package org.carelog.infra.compliance;

import java.util.List;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.infra.compliance.ReplayChecks.ReadModelResult;
import org.carelog.infra.compliance.ReplayChecks.Run;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** The replay check over GraphQL, for auditors and administrators. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class ReplayCheckController {

    private final ReplayChecks checks;

    ReplayCheckController(ReplayChecks checks) {
        this.checks = checks;
    }

    record RunReplayCheckInput(List<String> readModels, String idempotencyKey) {}

    record RunReplayCheckPayload(Run run) {}

    @MutationMapping
    RunReplayCheckPayload runReplayCheck(@Argument RunReplayCheckInput input, Authentication user) {
        return new RunReplayCheckPayload(checks.start(user.getName(), input.readModels(), input.idempotencyKey()));
    }

    @QueryMapping
    Run replayCheck(@Argument String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CarelogException.validation("id", "is not a replay check id");
        }
        return checks.find(runId);
    }

    @QueryMapping
    List<Run> replayChecks(@Argument Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > 100) {
            throw CarelogException.validation("first", "must be between 1 and 100");
        }
        return checks.recent(size);
    }

    @SchemaMapping(typeName = "ReplayCheckRun", field = "readModels")
    List<ReadModelResult> readModels(Run run) {
        return checks.results(run.id());
    }
}
