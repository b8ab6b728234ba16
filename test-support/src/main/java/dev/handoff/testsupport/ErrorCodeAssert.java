package dev.handoff.testsupport;

import org.apache.kafka.common.protocol.Errors;
import org.assertj.core.api.AbstractAssert;

/**
 * Asserts on Kafka error codes and names the errors in failure messages ("expected REBALANCE_IN_PROGRESS but was
 * NONE") instead of printing bare numbers.
 */
public final class ErrorCodeAssert extends AbstractAssert<ErrorCodeAssert, Short> {

    private ErrorCodeAssert(short actual) {
        super(actual, ErrorCodeAssert.class);
    }

    public static ErrorCodeAssert assertThatErrorCode(short actual) {
        return new ErrorCodeAssert(actual);
    }

    public ErrorCodeAssert is(Errors expected) {
        isNotNull();
        if (actual != expected.code()) {
            failWithMessage("Expected error %s but was %s", expected, Errors.forCode(actual));
        }
        return this;
    }

    public ErrorCodeAssert isNone() {
        return is(Errors.NONE);
    }
}
