package app.leadline.order;

import app.leadline.platform.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * An order refused a change because of its state or its policy. Nothing was changed; the code tells the caller
 * why (e.g. {@code CHOICE_CLOSED}, {@code LINE_NOT_CANCELLABLE}, {@code CODE_INVALID}).
 */
public class OrderRuleViolation extends RuntimeException {

    private final String code;
    private final String field;
    /** Further refusals of the same request, each at its own field; said together with this one. */
    private final List<OrderRuleViolation> besides;

    public OrderRuleViolation(String code, String field, String message) {
        this(code, field, message, List.of());
    }

    private OrderRuleViolation(String code, String field, String message, List<OrderRuleViolation> besides) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.besides = List.copyOf(besides);
    }

    /** One refusal of several things wrong with a request at once (at least one), so that each is said. */
    public static OrderRuleViolation all(List<OrderRuleViolation> refusals) {
        OrderRuleViolation first = refusals.get(0);
        return new OrderRuleViolation(
                first.code, first.field, first.getMessage(), refusals.subList(1, refusals.size()));
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The refusal as a mutation payload's typed error; the field is named as the mutation's input names it. */
    public UserError asUserError() {
        return new UserError(code, "input." + field, getMessage());
    }

    /** This refusal and those besides it, each as a typed error at its field. */
    public List<UserError> asUserErrors() {
        List<UserError> all = new ArrayList<>();
        all.add(asUserError());
        besides.forEach(refusal -> all.add(refusal.asUserError()));
        return all;
    }
}
