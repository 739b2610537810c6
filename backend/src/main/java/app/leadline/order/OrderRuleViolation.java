package app.leadline.order;

import app.leadline.platform.UserError;

/**
 * An order refused a change because of its state or its policy. Nothing was changed; the code tells the caller
 * why (e.g. {@code CHOICE_CLOSED}, {@code LINE_NOT_CANCELLABLE}, {@code CODE_INVALID}).
 */
public class OrderRuleViolation extends RuntimeException {

    private final String code;
    private final String field;

    public OrderRuleViolation(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
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
}
