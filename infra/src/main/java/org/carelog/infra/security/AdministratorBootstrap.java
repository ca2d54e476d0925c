package org.carelog.infra.security;

import java.security.SecureRandom;
import org.carelog.api.common.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no staff accounts yet) creates the administrator {@code admin}, with the
 * password from {@code CARELOG_ADMIN_PASSWORD} or a generated one printed this once.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final StaffAccounts accounts;
    private final String configuredPassword;

    AdministratorBootstrap(
            StaffAccounts accounts,
            PasswordPolicy policy,
            @Value("${carelog.admin.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
        if (!configuredPassword.isBlank()) {
            // Refuse to start rather than create (or keep advertising) a guessable administrator password.
            policy.problem(ADMIN, configuredPassword).ifPresent(problem -> {
                throw new IllegalStateException("CARELOG_ADMIN_PASSWORD (carelog.admin.password) is too weak: "
                        + problem + ". Choose another one.");
            });
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        accounts.create(ADMIN, password, Role.ADMIN, "Administrator");
        if (generated) {
            // Printed once, to the console only: it is never stored anywhere but as a hash.
            System.out.println();
            System.out.println("  Carelog administrator created.  user: " + ADMIN + "   password: " + password);
            System.out.println("  This password is shown once. Set CARELOG_ADMIN_PASSWORD to choose it instead.");
            System.out.println();
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
