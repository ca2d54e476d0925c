package org.carelog.infra.security;

import java.util.List;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Staff accounts in PostgreSQL: one role each, passwords as adaptive hashes. */
@Component
public class StaffAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public void create(String username, String rawPassword, Role role, String displayName) {
        jdbc.update(
                "insert into staff_user (id, username, password_hash, role, display_name) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                username,
                passwords.encode(rawPassword),
                role.name(),
                displayName);
    }

    public boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from staff_user where lower(username) = lower(?))", Boolean.class, username));
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from staff_user", Long.class);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, role, enabled from staff_user where lower(username) = lower(?)",
                (rs, i) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + rs.getString(3))))
                        .disabled(!rs.getBoolean(4))
                        .build(),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }
}
