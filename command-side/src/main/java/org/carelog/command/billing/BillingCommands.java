package org.carelog.command.billing;

import org.carelog.command.common.CommandSender;
import org.carelog.command.common.RaceRetryingSender;
import org.springframework.stereotype.Component;

/**
 * Sends billing commands, re-deciding those that lost a race: another Carelog process appended to the same
 * invoice first, two invoices recorded the same provider transaction id, or two numbers were allocated at once.
 */
@Component
public class BillingCommands extends RaceRetryingSender {

    /** Enough for twenty and more cashiers taking payments on one invoice at the same moment. */
    static final int MAX_ATTEMPTS = 50;

    BillingCommands(CommandSender sender) {
        super(sender, MAX_ATTEMPTS);
    }
}
