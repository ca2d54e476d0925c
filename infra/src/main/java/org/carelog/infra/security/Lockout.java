package org.carelog.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carelog.infra.security.StaffAccounts.Account;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins, counted per account in the database so every node sees them: after {@code
 * maxFailures} in a row the account is locked for a back-off that doubles with each lock in a row, up
 * to {@code maxBackOff}. A successful sign-in clears both.
 */
@Component
class Lockout {

    private final StaffAccounts accounts;
    private final StaffAudit audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecurityProperties.Lockout settings;

    Lockout(
            StaffAccounts accounts,
            StaffAudit audit,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            SecurityProperties properties) {
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.lockout();
    }

    boolean isLocked(Account account) {
        return account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
    }

    void failed(String username) {
        transactions.executeWithoutResult(tx -> accounts.lock(username).ifPresent(account -> {
            int failures = account.failedSignIns() + 1;
            if (failures < settings.maxFailures()) {
                jdbc.update(
                        "update staff_user set failed_sign_ins = ? where lower(username) = lower(?)",
                        failures,
                        username);
                return;
            }
            Duration backOff = backOff(account.lockouts());
            Instant until = clock.instant().plus(backOff);
            jdbc.update(
                    "update staff_user set failed_sign_ins = 0, lockouts = lockouts + 1, locked_until = ?"
                            + " where lower(username) = lower(?)",
                    Timestamp.from(until),
                    username);
            audit.record(StaffAudit.Change.bySystem(), "ACCOUNT_LOCKED", account.username(), null, "for " + backOff);
        }));
    }

    void succeeded(Account account) {
        if (account.failedSignIns() > 0 || account.lockouts() > 0 || account.lockedUntil() != null) {
            jdbc.update(
                    "update staff_user set failed_sign_ins = 0, lockouts = 0, locked_until = null"
                            + " where lower(username) = lower(?)",
                    account.username());
        }
    }

    private Duration backOff(int lockoutsBefore) {
        Duration backOff = settings.backOff();
        for (int i = 0; i < lockoutsBefore && backOff.compareTo(settings.maxBackOff()) < 0; i++) {
            backOff = backOff.multipliedBy(2);
        }
        return backOff.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : backOff;
    }
}
