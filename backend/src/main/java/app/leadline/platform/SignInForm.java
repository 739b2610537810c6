package app.leadline.platform;

/** What the sign-in form and the sign-in server share beside the form's fields. */
public final class SignInForm {

    /** The session attribute holding the user name of the last refused attempt, for the form to fill in again. */
    public static final String LAST_USER = "leadline.signIn.lastUser";

    private SignInForm() {}
}
