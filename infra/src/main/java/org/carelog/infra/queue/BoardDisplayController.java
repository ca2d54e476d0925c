package org.carelog.infra.queue;

import java.util.List;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Ids;
import org.carelog.api.common.Text;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.infra.queue.BoardDisplays.BoardDisplay;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Waiting-room display credentials, managed by administrators (see docs/operations.md). */
@Controller
class BoardDisplayController {

    private final BoardDisplays displays;

    BoardDisplayController(BoardDisplays displays) {
        this.displays = displays;
    }

    record CreateBoardDisplayInput(String idempotencyKey, String servicePointId, String name) {}

    record RevokeBoardDisplayInput(String idempotencyKey, String displayId) {}

    record CreateBoardDisplayPayload(BoardDisplay display, String secret, String path) {}

    record RevokeBoardDisplayPayload(String displayId) {}

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    CreateBoardDisplayPayload createBoardDisplay(@Argument CreateBoardDisplayInput input) {
        ServicePointId servicePoint = ServicePointId.parse("servicePointId", input.servicePointId());
        String name = Text.required("name", input.name(), 100);
        var created = displays.create(
                servicePoint,
                name,
                SecurityContextHolder.getContext().getAuthentication().getName());
        return new CreateBoardDisplayPayload(
                created.display(),
                created.secret(),
                "/board/index.html?servicePoint=" + servicePoint + "#key=" + created.secret());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    RevokeBoardDisplayPayload revokeBoardDisplay(@Argument RevokeBoardDisplayInput input) {
        UUID id = Ids.uuid("displayId", input.displayId(), "board display");
        if (!displays.revoke(id)) {
            throw CarelogException.notFound("No board display " + id);
        }
        return new RevokeBoardDisplayPayload(id.toString());
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<BoardDisplay> boardDisplays(@Argument String servicePointId) {
        return displays.list(servicePointId == null ? null : ServicePointId.parse("servicePointId", servicePointId));
    }
}
