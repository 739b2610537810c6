package app.leadline.order;

/**
 * A note for agents on something that happened to an order, never shown to its customer: the text an agent wrote
 * ({@link Written}), or what Leadline did, as facts ({@link SystemNote}).
 */
public sealed interface Note permits Note.Written, SystemNote {

    /** What an agent wrote, as written. */
    record Written(String text) implements Note {}

    /** An agent's note; none for none. */
    static Note written(String text) {
        return text == null ? null : new Written(text);
    }
}
