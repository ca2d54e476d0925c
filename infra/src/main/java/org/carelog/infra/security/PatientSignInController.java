package org.carelog.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carelog.api.common.CarelogException;
import org.carelog.infra.security.PatientSignIn.Challenge;
import org.carelog.infra.security.PatientSignIn.Outcome;
import org.carelog.infra.security.PatientSignIn.RateLimited;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patients' sign-in over plain HTTP (not GraphQL: no aliases or batches to multiply attempts), open to anyone:
 *
 * <ul>
 *   <li>{@code POST /auth/patient/code} {@code {"phone"}}: sends a one-time code to the phone if patients are
 *       registered on it; always answers 202 with a challenge (429 with Retry-After past the rate limits).
 *   <li>{@code POST /auth/patient/token} {@code {"challengeId","code","patientId"?}}: a bearer token (200); 409
 *       with the patients to choose from when the phone is shared and none was chosen; 401 otherwise.
 *   <li>{@code POST /auth/patient/password} {@code {"phone","password","patientId"?}}: a bearer token, or 401.
 * </ul>
 */
@RestController
class PatientSignInController {

    static final String[] OPEN_PATHS = {"/auth/patient/code", "/auth/patient/token", "/auth/patient/password"};

    private final PatientSignIn signIn;

    PatientSignInController(PatientSignIn signIn) {
        this.signIn = signIn;
    }

    record CodeRequest(String phone) {}

    record TokenRequest(String challengeId, String code, String patientId) {}

    record PasswordRequest(String phone, String password, String patientId) {}

    @PostMapping("/auth/patient/code")
    ResponseEntity<Map<String, Object>> code(@RequestBody CodeRequest body, HttpServletRequest request) {
        try {
            Challenge challenge = signIn.requestCode(body.phone(), request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of(
                            "challengeId", challenge.challengeId().toString(), "expiresIn", challenge.expiresIn()));
        } catch (RateLimited e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(e.retryAfter.toSeconds()))
                    .body(Map.of("error", "too_many_requests"));
        } catch (CarelogException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_phone", "message", e.getMessage()));
        }
    }

    @PostMapping("/auth/patient/token")
    ResponseEntity<Map<String, Object>> token(@RequestBody TokenRequest body) {
        return answer(signIn.verifyCode(body.challengeId(), body.code(), body.patientId()), "invalid_code");
    }

    @PostMapping("/auth/patient/password")
    ResponseEntity<Map<String, Object>> password(@RequestBody PasswordRequest body) {
        return answer(signIn.signInWithPassword(body.phone(), body.password(), body.patientId()), "invalid_grant");
    }

    private static ResponseEntity<Map<String, Object>> answer(Outcome outcome, String refusal) {
        if (outcome instanceof Outcome.Issued issued) {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("access_token", issued.token().access_token());
            token.put("token_type", issued.token().token_type());
            token.put("expires_in", issued.token().expires_in());
            token.put("patient_id", issued.patientId().toString());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
        }
        if (outcome instanceof Outcome.Choose choose) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of("error", "choose_patient", "patients", choose.patients()));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", refusal));
    }
}
