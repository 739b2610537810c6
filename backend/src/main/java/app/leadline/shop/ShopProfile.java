package app.leadline.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's look and contacts ({@code leadline.shop.*}). Checked at startup, so that a typo shows as a refusal to
 * start rather than as a page a customer cannot read.
 *
 * @param name what customers know the shop as
 * @param logo an image file (SVG, PNG, JPEG or WebP) served with the page at {@code /shop/logo}; none: the name alone
 * @param colour the shop's colour, {@code #rrggbb}, behind the page's header (its text is black or white, whichever
 *     reads better on it)
 * @param email where customers write to the shop's customer service
 * @param phone where they call it
 * @param helpUrl the shop's own help or contact page (http or https)
 */
@ConfigurationProperties("leadline.shop")
public record ShopProfile(String name, Path logo, String colour, String email, String phone, String helpUrl) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public ShopProfile {
        name = name == null || name.isBlank() ? "Leadline" : name.strip();
        colour = colour == null || colour.isBlank() ? "#1f3a5f" : colour.strip();
        if (!COLOUR.matcher(colour).matches()) {
            throw new IllegalStateException("leadline.shop.colour must be #rrggbb, not " + colour);
        }
        if (logo != null && !(Files.isReadable(logo) && logoType(logo).isPresent())) {
            throw new IllegalStateException(
                    "leadline.shop.logo must be a readable .svg, .png, .jpg or .webp file, not " + logo);
        }
        if (helpUrl != null && !helpUrl.isBlank() && !helpUrl.matches("https?://\\S+")) {
            throw new IllegalStateException("leadline.shop.help-url must be an http or https address");
        }
        email = blankToNull(email);
        phone = blankToNull(phone);
        helpUrl = blankToNull(helpUrl);
    }

    /** The logo's media type, by its file name. */
    public static Optional<String> logoType(Path logo) {
        String file = logo.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".svg")) {
            return Optional.of("image/svg+xml");
        }
        if (file.endsWith(".png")) {
            return Optional.of("image/png");
        }
        if (file.endsWith(".jpg") || file.endsWith(".jpeg")) {
            return Optional.of("image/jpeg");
        }
        return file.endsWith(".webp") ? Optional.of("image/webp") : Optional.empty();
    }

    public Optional<Path> logoFile() {
        return Optional.ofNullable(logo);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
