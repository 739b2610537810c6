package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts how the order's rules refuse a change: the code a client reads and the field it concerns. */
final class Refusals {

    private Refusals() {}

    static void assertRefused(ThrowingCallable change, String code, String field) {
        assertThatThrownBy(change).isInstanceOfSatisfying(OrderRuleViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.field()).isEqualTo(field);
        });
    }
}
