package app.leadline.platform;

/**
 * A request refused for a reason the caller can act on (too many attempts, for instance), answered as a GraphQL
 * error whose {@code extensions.code} carries {@link #code()}. Input mistakes are not this: they are
 * {@link UserError}s in a mutation's payload.
 */
public class RequestRefused extends RuntimeException {

    private final String code;

    public RequestRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
