package dev.handoff.server.metrics;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

/**
 * The top-level error of a response message. kafka-clients' generated messages have no common interface for it, so
 * the {@code errorCode()} accessor is looked up once per message class.
 */
public final class ResponseErrors {

    private static final ClassValue<Optional<MethodHandle>> ERROR_CODE = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            try {
                return Optional.of(MethodHandles.publicLookup()
                    .findVirtual(type, "errorCode", MethodType.methodType(short.class)));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return Optional.empty();
            }
        }
    };

    private ResponseErrors() {
    }

    /** @return the message's top-level error, or NONE if it has none */
    public static Errors of(ApiMessage response) {
        if (response == null) {
            return Errors.NONE;
        }
        Optional<MethodHandle> accessor = ERROR_CODE.get(response.getClass());
        if (accessor.isEmpty()) {
            return Errors.NONE;
        }
        try {
            return Errors.forCode((short) accessor.get().invoke(response));
        } catch (Throwable e) {
            return Errors.UNKNOWN_SERVER_ERROR;
        }
    }
}
