package org.carelog.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.MetadataKeys;

/**
 * Gives a command retried with the same idempotency key exactly one effect: the first run stores its
 * result beside its events (same transaction); a repeat returns that result and stores nothing.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final Serializer serializer;

    public IdempotencyInterceptor(IdempotencyStore store, Serializer serializer) {
        this.store = store;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(MetadataKeys.IDEMPOTENCY_KEY);
        Object user = command.getMetaData().get(MetadataKeys.USERNAME);
        if (key == null || user == null) {
            return chain.proceed();
        }
        var earlier = store.claim(user.toString(), key.toString(), command.getCommandName());
        if (earlier.isPresent()) {
            var outcome = earlier.get();
            if (!outcome.commandName().equals(command.getCommandName())) {
                throw CarelogException.conflict("This idempotency key was already used for a different request", null);
            }
            if (outcome.result() == null) {
                return null;
            }
            return serializer.deserialize(new SimpleSerializedObject<>(
                    outcome.result(),
                    byte[].class,
                    new SimpleSerializedType(outcome.resultType(), outcome.resultRevision())));
        }
        Object result = chain.proceed();
        if (result == null) {
            store.complete(user.toString(), key.toString(), null, null, null);
        } else {
            SerializedObject<byte[]> serialized = serializer.serialize(result, byte[].class);
            store.complete(
                    user.toString(),
                    key.toString(),
                    serialized.getData(),
                    serialized.getType().getName(),
                    serialized.getType().getRevision());
        }
        return result;
    }
}
