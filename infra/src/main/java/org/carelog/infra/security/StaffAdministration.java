package org.carelog.infra.security;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Role;
import org.carelog.infra.security.StaffAccounts.Account;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Privilege changes to staff accounts. Each writes its audit row in the same transaction, and the ones
 * that take rights away end the user's sessions, so they hold from the very next request. A change that
 * changes nothing (a role set to what it is) is quiet: no audit row, no error.
 */
@Component
class StaffAdministration {

    private final StaffAccounts accounts;
    private final PasswordPolicy policy;
    private final Sessions sessions;
    private final StaffAudit audit;

    StaffAdministration(StaffAccounts accounts, PasswordPolicy policy, Sessions sessions, StaffAudit audit) {
        this.accounts = accounts;
        this.policy = policy;
        this.sessions = sessions;
        this.audit = audit;
    }

    List<Account> all() {
        return accounts.all();
    }

    @Transactional
    Account create(String username, String password, Role role, String displayName, StaffAudit.Change by) {
        if (audit.alreadyDone(by, "USER_CREATED")) {
            return existing(username);
        }
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw CarelogException.validation(
                    "username", "A user name has 3 to 100 letters, digits, dots, hyphens, underscores or @");
        }
        refusePatientRole(role);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw CarelogException.validation("displayName", "A display name of 1 to 200 characters is needed");
        }
        checkPassword(username, password);
        if (accounts.exists(username)) {
            throw CarelogException.conflict("A user with this name exists already", null);
        }
        accounts.insert(username, password, role, displayName.strip());
        audit.record(by, "USER_CREATED", username, null, role.name());
        return existing(username);
    }

    @Transactional
    Account changeRole(String username, Role role, StaffAudit.Change by) {
        refusePatientRole(role);
        Account account = locked(username);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) {
            keepAnAdministrator(account);
        }
        if (account.role() != role) {
            accounts.setRole(username, role);
            audit.record(by, "ROLE_CHANGED", account.username(), account.role().name(), role.name());
            sessions.revokeAll(username);
        }
        return existing(username);
    }

    /**
     * Ties an account to the practitioner it acts as (a doctor's BMDC registration, an attending clinician), or
     * unties it with null. One account per practitioner; audited; the next request sees it.
     */
    @Transactional
    Account linkPractitioner(String username, UUID practitionerId, StaffAudit.Change by) {
        Account account = locked(username);
        if (Objects.equals(account.practitionerId(), practitionerId)) {
            return account;
        }
        if (practitionerId != null) {
            if (!accounts.practitionerExists(practitionerId)) {
                throw CarelogException.notFound("No practitioner with this id");
            }
            if (accounts.practitionerLinkedElsewhere(username, practitionerId)) {
                throw CarelogException.conflict("Another staff account acts as this practitioner already", null);
            }
        }
        accounts.setPractitioner(username, practitionerId);
        audit.record(
                by,
                "PRACTITIONER_LINKED",
                account.username(),
                Objects.toString(account.practitionerId(), null),
                Objects.toString(practitionerId, null));
        return existing(username);
    }

    @Transactional
    Account setEnabled(String username, boolean enabled, StaffAudit.Change by) {
        Account account = locked(username);
        if (!enabled) {
            keepAnAdministrator(account);
        }
        if (account.enabled() != enabled) {
            accounts.setEnabled(username, enabled);
            audit.record(
                    by,
                    enabled ? "USER_ENABLED" : "USER_DISABLED",
                    account.username(),
                    String.valueOf(account.enabled()),
                    String.valueOf(enabled));
            if (!enabled) {
                sessions.revokeAll(username);
            }
        }
        return existing(username);
    }

    @Transactional
    Account resetPassword(String username, String password, StaffAudit.Change by) {
        Account account = locked(username);
        checkPassword(account.username(), password);
        accounts.setPassword(username, password);
        audit.record(by, "PASSWORD_RESET", account.username(), null, null);
        sessions.revokeAll(username);
        return existing(username);
    }

    /** For a lost phone: the user enrols again (if their role needs MFA) before doing anything else. */
    @Transactional
    Account resetMfa(String username, StaffAudit.Change by) {
        Account account = locked(username);
        accounts.clearMfa(username);
        audit.record(by, "MFA_RESET", account.username(), account.mfaEnrolled() ? "TOTP" : null, null);
        sessions.revokeAll(username);
        return existing(username);
    }

    @Transactional
    int revokeSessions(String username, StaffAudit.Change by) {
        Account account = locked(username);
        int revoked = sessions.revokeAll(username);
        audit.record(by, "SESSIONS_REVOKED", account.username(), null, String.valueOf(revoked));
        return revoked;
    }

    private void keepAnAdministrator(Account account) {
        if (account.role() == Role.ADMIN
                && account.enabled()
                && accounts.otherEnabledAdministrators(account.username()) == 0) {
            throw CarelogException.conflict(
                    "This is the last enabled administrator: make someone else an administrator first", null);
        }
    }

    private void checkPassword(String username, String password) {
        policy.problem(username, password).ifPresent(problem -> {
            throw CarelogException.validation("password", problem);
        });
    }

    private Account locked(String username) {
        return accounts.lock(username).orElseThrow(() -> CarelogException.notFound("No staff user with this name"));
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> CarelogException.notFound("No staff user with this name"));
    }

    /** Patients are not staff: they sign in to the portal with their phone (PatientSignIn), never as staff. */
    private static void refusePatientRole(Role role) {
        if (role == Role.PATIENT) {
            throw CarelogException.validation("role", "Patients are not staff: they sign in to the patient portal");
        }
    }
}
