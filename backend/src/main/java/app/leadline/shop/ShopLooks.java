package app.leadline.shop;

import app.leadline.platform.AuditLog;
import app.leadline.platform.UserError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The shop's look in force: what an admin set in the console (one stored document), else the configuration. Read
 * for every page and message, so it is kept for a few seconds; another instance sees an admin's change after that.
 */
@Service
public class ShopLooks {

    static final String ID = "shop";
    static final int MAX_NAME = 80;
    static final int MAX_URL = 500;

    private static final Duration KEPT_FOR = Duration.ofSeconds(10);
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern HTTPS = Pattern.compile("https://[^\\s\"'<>]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{4,24}");

    private final ShopProfile configured;
    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;

    private volatile Kept kept;

    ShopLooks(ShopProfile configured, MongoTemplate mongo, AuditLog audit, Clock clock) {
        this.configured = configured;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** The look stored, with who set it. */
    @Document("shop")
    record StoredLook(@Id String id, ShopLook look, String changedBy, Instant changedAt) {}

    private record Kept(ShopLook look, Instant until) {}

    public ShopLook current() {
        Kept now = kept;
        Instant at = clock.instant();
        if (now == null || !at.isBefore(now.until())) {
            ShopLook look = Optional.ofNullable(mongo.findById(ID, StoredLook.class))
                    .map(StoredLook::look)
                    .orElseGet(() -> ShopLook.of(configured));
            now = new Kept(look, at.plus(KEPT_FOR));
            kept = now;
        }
        return now.look();
    }

    /** The look as an admin typed it, not yet checked. */
    public record Definition(String name, String logoUrl, String colour, String email, String phone, String helpUrl) {}

    /** The look now in force, or why nothing was saved. */
    public record Outcome(Optional<ShopLook> look, List<UserError> errors) {}

    /** Replaces the shop's look, and writes who did it to the audit log; nothing is saved if refused. */
    @PreAuthorize("hasRole('ADMIN')")
    public Outcome define(Definition input, String admin) {
        List<UserError> errors = new ArrayList<>();
        String name = blankToNull(input.name());
        if (name == null || name.length() > MAX_NAME) {
            errors.add(new UserError("INVALID_NAME", "input.name", "A name of 1 to " + MAX_NAME + " characters."));
        }
        String colour = blankToNull(input.colour());
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            errors.add(new UserError("INVALID_COLOUR", "input.colour", "A colour is #rrggbb, e.g. #1f3a5f."));
        }
        String logoUrl = blankToNull(input.logoUrl());
        boolean configuredLogo = ShopController.LOGO_PATH.equals(logoUrl)
                && configured.logoFile().isPresent();
        if (logoUrl != null && !configuredLogo && !https(logoUrl)) {
            errors.add(new UserError(
                    "INVALID_URL", "input.logoUrl", "An https address of at most " + MAX_URL + " characters."));
        }
        String helpUrl = blankToNull(input.helpUrl());
        if (helpUrl != null && !https(helpUrl)) {
            errors.add(new UserError(
                    "INVALID_URL", "input.helpUrl", "An https address of at most " + MAX_URL + " characters."));
        }
        String email = blankToNull(input.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new UserError("INVALID_EMAIL", "input.email", "An e-mail address, e.g. help@shop.example."));
        }
        String phone = blankToNull(input.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new UserError(
                    "INVALID_PHONE",
                    "input.phone",
                    "A phone number of digits, spaces and + ( ) -, e.g. +45 70 12 34 56."));
        }
        if (!errors.isEmpty()) {
            return new Outcome(Optional.empty(), errors);
        }
        ShopLook before = current();
        ShopLook look = new ShopLook(name, logoUrl, colour.toLowerCase(Locale.ROOT), email, phone, helpUrl);
        Instant now = clock.instant();
        mongo.save(new StoredLook(ID, look, admin, now));
        kept = new Kept(look, now.plus(KEPT_FOR));
        audit.record(admin, "DEFINE_SHOP_LOOK", ID, fields(before), fields(look));
        return new Outcome(Optional.of(look), List.of());
    }

    private static boolean https(String url) {
        return url.length() <= MAX_URL && HTTPS.matcher(url).matches();
    }

    private static Map<String, String> fields(ShopLook look) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", look.name());
        fields.put("colour", look.colour());
        Optional.ofNullable(look.logoUrl()).ifPresent(url -> fields.put("logoUrl", url));
        look.contactEmail().ifPresent(email -> fields.put("email", email));
        look.contactPhone().ifPresent(phone -> fields.put("phone", phone));
        look.help().ifPresent(url -> fields.put("helpUrl", url));
        return fields;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
