package app.leadline.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows down guessing of agents' passwords and clients' secrets. Each account (user name or client id) and each
 * client address may fail a few times freely; after that every further failure makes it wait twice as long as the
 * last, up to {@link #LONGEST_WAIT}. An attempt made while it must wait is refused without looking at the password
 * and counts as a failure, so hammering never gets through. A sign-in that succeeds clears its account, not its
 * address (else one valid account would reset an address's budget). Failures are forgotten an hour after the last,
 * and at most {@link #KEYS} accounts and addresses are remembered at once.
 */
final class SignInThrottle {

    static final int ACCOUNT_FAILURES_ALLOWED = 5;
    // Above what a team behind one office address mistypes, below what a guesser needs.
    static final int ADDRESS_FAILURES_ALLOWED = 100;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int KEYS = 100_000;
    private static final int LONGEST_KEY = 128;

    private record Failures(int count, Instant last, Instant waitUntil) {}

    private final Clock clock;
    private final Cache<String, Failures> failures;

    SignInThrottle(Clock clock) {
        this(clock, KEYS);
    }

    SignInThrottle(Clock clock, int keys) {
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(keys)
                .expireAfterWrite(FORGET_AFTER.plus(LONGEST_WAIT))
                .build();
    }

    /** How long this account, from this address, must still wait before its next attempt is looked at. */
    Optional<Duration> mustWait(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(waitUntil(accountKey(account)), waitUntil(addressKey(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String account, String address) {
        record(accountKey(account), ACCOUNT_FAILURES_ALLOWED);
        record(addressKey(address), ADDRESS_FAILURES_ALLOWED);
    }

    void succeeded(String account) {
        failures.invalidate(accountKey(account));
    }

    /** The sign-in form's check of agents' passwords, throttled per user name and address. */
    AuthenticationManager guard(AuthenticationManager passwords) {
        return attempt -> {
            String account = "user:" + attempt.getName();
            String address = addressOf(attempt);
            Optional<Duration> wait = mustWait(account, address);
            if (wait.isPresent()) {
                failed(account, address);
                throw new TooManyAttempts(wait.get());
            }
            try {
                Authentication agent = passwords.authenticate(attempt);
                succeeded(account);
                return agent;
            } catch (BadCredentialsException wrong) {
                failed(account, address);
                throw wrong;
            }
        };
    }

    /** The token endpoint's check of client secrets, throttled per client id and address. */
    AuthenticationProvider guard(AuthenticationProvider secrets) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String account = "client:" + attempt.getName();
                String address = addressOf(attempt);
                Optional<Duration> wait = mustWait(account, address);
                if (wait.isPresent()) {
                    failed(account, address);
                    throw new ClientMustWait(wait.get());
                }
                try {
                    Authentication client = secrets.authenticate(attempt);
                    if (client != null) {
                        succeeded(account);
                    }
                    return client;
                } catch (OAuth2AuthenticationException refused) {
                    if (OAuth2ErrorCodes.INVALID_CLIENT.equals(
                            refused.getError().getErrorCode())) {
                        failed(account, address);
                    }
                    throw refused;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return secrets.supports(authentication);
            }
        };
    }

    private static String addressOf(Authentication attempt) {
        return attempt instanceof AbstractAuthenticationToken token
                        && token.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "";
    }

    /**
     * The sign-in form's answer to a refused attempt: while the account or address must wait, 429 with
     * {@code Retry-After} and a page that says so; otherwise back to the form, as usual.
     */
    static AuthenticationFailureHandler signInFailures() {
        AuthenticationFailureHandler backToTheForm = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (!(exception instanceof TooManyAttempts tooMany)) {
                // The form fills in the name again, so that only the password is typed anew.
                String user = request.getParameter("username");
                if (user != null && user.length() <= 200) {
                    request.getSession().setAttribute(SignInForm.LAST_USER, user);
                }
                backToTheForm.onAuthenticationFailure(request, response, exception);
                return;
            }
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(tooMany.wait)));
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please wait</title>"
                            + "<link href=\"/sign-in.css\" rel=\"stylesheet\"></head><body>"
                            + "<main><h1>Please wait</h1><p>" + tooMany.getMessage() + "</p>"
                            + "<p><a href=\"/login\">Back to sign-in</a></p></main></body></html>");
        };
    }

    /** A sign-in refused unlooked-at while the account or address must wait. */
    static final class TooManyAttempts extends AuthenticationException {
        private final Duration wait;

        TooManyAttempts(Duration wait) {
            super("Too many failed sign-ins. Try again in " + inWords(wait) + ".");
            this.wait = wait;
        }
    }

    /** A client that must wait before its secret is looked at again; answered 429 with Retry-After. */
    static final class ClientMustWait extends OAuth2AuthenticationException {
        private final Duration wait;

        ClientMustWait(Duration wait) {
            super(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_CLIENT,
                    "Too many failed attempts to authenticate this client. Try again in " + inWords(wait) + ".",
                    null));
            this.wait = wait;
        }

        long retryAfterSeconds() {
            return seconds(wait);
        }
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    private static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    long remembered() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private void record(String key, int allowed) {
        Instant now = clock.instant();
        failures.asMap().compute(key, (k, before) -> {
            int count = before == null || before.last().plus(FORGET_AFTER).isBefore(now) ? 1 : before.count() + 1;
            Instant waitUntil = count <= allowed ? now : now.plus(waitAfter(count - allowed - 1));
            return new Failures(count, now, waitUntil);
        });
    }

    /** One second after the first failure beyond the allowance, doubling with each further one. */
    private static Duration waitAfter(int beyondAllowance) {
        if (beyondAllowance >= 20) {
            return LONGEST_WAIT;
        }
        Duration wait = Duration.ofSeconds(1L << beyondAllowance);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Instant waitUntil(String key) {
        Failures known = failures.getIfPresent(key);
        return known == null ? Instant.MIN : known.waitUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // User names are compared without case (as the user store does); a key is kept short whatever is sent.
    private static String accountKey(String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > LONGEST_KEY ? name.substring(0, LONGEST_KEY) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
