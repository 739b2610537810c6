package app.leadline.platform;

import java.util.regex.Pattern;

/**
 * Text customers read as it was written (a delay's reason, a refund decision's): in an e-mail, an SMS and on their
 * page alike it stays text, so a tag typed into it ("<b>late</b>") would reach them as it is. It is refused where it
 * is typed, beside the field, before anyone is told.
 */
public final class PlainText {

    // As a browser reads a tag's start: no space after "<", so "less < more" stays text.
    private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z]|!)");

    public static final String MESSAGE = "Write it as plain text: customers read it as written, a tag like <b> too.";

    private PlainText() {}

    /** Whether the text holds what reads as markup: a tag's opening ("<b", "</p", "<!--"). */
    public static boolean hasMarkup(String text) {
        return text != null && TAG.matcher(text).find();
    }

    /** The error for a field whose text holds markup. */
    public static UserError markupAt(String field) {
        return new UserError("MARKUP", field, MESSAGE);
    }
}
