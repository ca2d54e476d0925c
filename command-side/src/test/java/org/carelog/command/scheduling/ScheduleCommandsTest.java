package org.carelog.command.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.carelog.api.common.CarelogException;
import org.carelog.command.common.CommandSender;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The bounded re-decision after another process appended to the same day first. */
class ScheduleCommandsTest {

    static final Authentication DESK = new UsernamePasswordAuthenticationToken(
            "desk", null, List.of(new SimpleGrantedAuthority("ROLE_RECEPTIONIST")));

    /** Answers each send with the next outcome: a RuntimeException is thrown, anything else returned. */
    static final class ScriptedSender extends CommandSender {
        final Deque<Object> outcomes = new ArrayDeque<>();
        int sent;

        ScriptedSender(Object... outcomes) {
            super(null);
            this.outcomes.addAll(List.of(outcomes));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAs(Authentication user, Object command, String key, String requestId) {
            sent++;
            Object next = outcomes.removeFirst();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (R) next;
        }
    }

    @Test
    void sendsAgainAfterAConcurrentAppendAndCountsTheRetries() {
        ScriptedSender sender = new ScriptedSender(
                new ConcurrencyException("sequence taken"),
                new AggregateStreamCreationException("stream created meanwhile"),
                "booked");
        ScheduleCommands commands = new ScheduleCommands(sender);
        String result = commands.sendAs(DESK, "book", null, null);
        assertThat(result).isEqualTo("booked");
        assertThat(sender.sent).isEqualTo(3);
        assertThat(commands.retries()).isEqualTo(2);
    }

    @Test
    void aRuleRefusalIsNotRetriedAndRetriesAreBounded() {
        ScriptedSender refused = new ScriptedSender(CarelogException.conflict("full", null));
        assertThatThrownBy(() -> new ScheduleCommands(refused).sendAs(DESK, "book", null, null))
                .isInstanceOf(CarelogException.class);
        assertThat(refused.sent).isEqualTo(1);

        Object[] collisions = new Object[ScheduleCommands.MAX_ATTEMPTS];
        java.util.Arrays.fill(collisions, new ConcurrencyException("again"));
        ScriptedSender busy = new ScriptedSender(collisions);
        assertThatThrownBy(() -> new ScheduleCommands(busy).sendAs(DESK, "book", null, null))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(busy.sent).isEqualTo(ScheduleCommands.MAX_ATTEMPTS);
    }
}
