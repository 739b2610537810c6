package app.leadline.platform;

/**
 * A typed answer to bad input, carried in a mutation's payload: a stable code a client can branch on, the
 * path of the offending input field (e.g. {@code orders[0].lines[1].quantity}), and a sentence for a person.
 */
public record UserError(String code, String field, String message) {}
