package org.carelog.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.carelog.api.common.CarelogException;

/**
 * Turns domain exceptions into {@link CommandExecutionException}s whose details are the {@code
 * CarelogError}: the form in which an error code survives a distributed command bus.
 */
public class ErrorTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (CarelogException e) {
            throw new CommandExecutionException(e.getMessage(), null, e.error());
        } catch (AggregateNotFoundException e) {
            var notFound = CarelogException.notFound("No record with id " + e.getAggregateIdentifier());
            throw new CommandExecutionException(notFound.getMessage(), null, notFound.error());
        }
    }
}
