package org.carelog.infra.telemedicine;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationAccess;
import org.carelog.api.telemedicine.JoinConsultation;
import org.carelog.api.telemedicine.RecordTelemedicineConsent;
import org.carelog.api.telemedicine.TelemedicineRefusal;
import org.carelog.command.telemedicine.ConsultationFacts;
import org.carelog.command.telemedicine.ConsultationRegistry;
import org.carelog.command.telemedicine.TelemedicineCommands;
import org.carelog.command.telemedicine.VideoRooms;
import org.carelog.infra.telemedicine.JoinLinks.Link;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A patient's (or caregiver's) way in, without an account. {@code GET /telemedicine/join/<token>} is the link's
 * page (it changes nothing); its button, {@code POST /telemedicine/join/<token>}, checks the link, then the
 * consultation decides (window, consent, state, link version) and records the join, and the answer is a 303 to the
 * video room with the participant's signed credential. Without consent the answer asks for it ({@code POST
 * .../consent} records it and joins). Any refusal is a short page with the stable code (also in the {@value
 * #ERROR_HEADER} header) and nothing is recorded.
 */
@RestController
class TelemedicineJoinController {

    static final String ERROR_HEADER = "Carelog-Error";
    static final String INVALID_LINK = "INVALID_LINK";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu, h:mm a");

    private final JoinLinks links;
    private final TelemedicineCommands commands;
    private final VideoRooms rooms;
    private final ConsultationRegistry registry;
    private final TelemedicineProperties properties;
    private final Clock clock;

    TelemedicineJoinController(
            JoinLinks links,
            TelemedicineCommands commands,
            VideoRooms rooms,
            ConsultationRegistry registry,
            TelemedicineProperties properties,
            Clock clock) {
        this.links = links;
        this.commands = commands;
        this.rooms = rooms;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The link's page. It changes nothing: message apps and mail scanners fetch links to preview them, and a
     * preview must not join anyone or check an appointment in. The page's button joins.
     */
    @GetMapping("/telemedicine/join/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        Optional<Link> link = links.read(token);
        Optional<ConsultationFacts> consultation = link.flatMap(l -> registry.find(l.consultationId()));
        if (consultation.isEmpty()) {
            return invalidLink();
        }
        String when = TIME.format(consultation.get().start().atZone(clock.getZone()));
        return html(
                HttpStatus.OK,
                null,
                "Video consultation",
                "<p>Your video consultation is at " + HtmlUtils.htmlEscape(when) + ". You can join from "
                        + properties.joinOpensBefore().toMinutes() + " minutes before.</p>"
                        + "<form method=\"post\" action=\"/telemedicine/join/" + HtmlUtils.htmlEscape(token)
                        + "\"><button type=\"submit\">Join / যোগ দিন</button></form>");
    }

    /** Joins: the consultation decides and records the join, then 303 to the room with the signed credential. */
    @PostMapping("/telemedicine/join/{token}")
    ResponseEntity<String> join(@PathVariable String token) {
        Optional<Link> link = links.read(token);
        if (link.isEmpty()) {
            return invalidLink();
        }
        return enter(token, link.get());
    }

    /** Records the patient's consent given on the page, then joins. */
    @PostMapping("/telemedicine/join/{token}/consent")
    ResponseEntity<String> consent(@PathVariable String token) {
        Optional<Link> link = links.read(token);
        if (link.isEmpty()) {
            return invalidLink();
        }
        Link l = link.get();
        try {
            commands.sendAs(
                    TelemedicineCommands.linkHolder(
                            l.consultationId().toString(), l.participant().name()),
                    new RecordTelemedicineConsent(
                            l.consultationId(), ConsentMethod.PATIENT_ON_JOIN_PAGE, l.participant()),
                    null,
                    null);
        } catch (CarelogException | CommandExecutionException e) {
            return refusal(errorOf(e));
        }
        return enter(token, l);
    }

    private ResponseEntity<String> enter(String token, Link l) {
        try {
            ConsultationAccess access = commands.sendAs(
                    TelemedicineCommands.linkHolder(
                            l.consultationId().toString(), l.participant().name()),
                    new JoinConsultation(l.consultationId(), l.participant(), l.version()),
                    null,
                    null);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(rooms.admit(access))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        } catch (CarelogException | CommandExecutionException e) {
            CarelogError error = errorOf(e);
            if (TelemedicineRefusal.CONSENT_REQUIRED.name().equals(reason(error))) {
                return consentPage(token);
            }
            return refusal(error);
        }
    }

    private static ResponseEntity<String> invalidLink() {
        return page(HttpStatus.NOT_FOUND, INVALID_LINK, "This link is not valid. Use the link in your message.");
    }

    private ResponseEntity<String> consentPage(String token) {
        String body = "<p>Before your video consultation: the doctor will see and hear you by video, and what you"
                + " say is recorded in your health record as in any visit. You may ask for an in-person visit"
                + " instead.</p><p>ভিডিও পরামর্শের আগে আপনার সম্মতি প্রয়োজন।</p>"
                + "<form method=\"post\" action=\"/telemedicine/join/" + HtmlUtils.htmlEscape(token)
                + "/consent\"><button type=\"submit\">I agree and join / আমি সম্মত</button></form>";
        return html(HttpStatus.OK, TelemedicineRefusal.CONSENT_REQUIRED.name(), "Consent to telemedicine", body);
    }

    private ResponseEntity<String> refusal(CarelogError error) {
        HttpStatus status =
                switch (error.code()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case VALIDATION -> HttpStatus.BAD_REQUEST;
                    default -> HttpStatus.CONFLICT;
                };
        String code = reason(error) != null ? reason(error) : error.code().name();
        return page(status, code, error.message());
    }

    private static ResponseEntity<String> page(HttpStatus status, String code, String message) {
        return html(status, code, "Video consultation", "<p>" + HtmlUtils.htmlEscape(message) + "</p>");
    }

    private static ResponseEntity<String> html(HttpStatus status, String code, String title, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .headers(h -> {
                    if (code != null) {
                        h.set(ERROR_HEADER, code);
                    }
                })
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body><h1>" + title + "</h1>" + body
                        + (code == null ? "" : "<p><small>" + code + "</small></p>") + "</body></html>");
    }

    private static String reason(CarelogError error) {
        Object reason = error.extensions().get("reason");
        return reason == null ? null : reason.toString();
    }

    private static CarelogError errorOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CarelogException c) {
                return c.error();
            }
            if (t instanceof CommandExecutionException c && c.getDetails().orElse(null) instanceof CarelogError d) {
                return d;
            }
        }
        return new CarelogError(ErrorCode.INTERNAL, "The consultation could not be joined; try again", null, Map.of());
    }
}
