package app.leadline.shop;

import java.util.Optional;

/**
 * The shop's look as customers see it now: the admins' choice in the console where they made one, else
 * {@code leadline.shop.*}.
 *
 * @param logoUrl where the logo is shown from: an https address, or Leadline's own {@code /shop/logo} for the
 *     configured file; null for the name alone
 */
public record ShopLook(String name, String logoUrl, String colour, String email, String phone, String helpUrl) {

    public static ShopLook of(ShopProfile profile) {
        return new ShopLook(
                profile.name(),
                profile.logoFile().map(file -> ShopController.LOGO_PATH).orElse(null),
                profile.colour(),
                profile.email(),
                profile.phone(),
                profile.helpUrl());
    }

    public Optional<String> contactEmail() {
        return Optional.ofNullable(email);
    }

    public Optional<String> contactPhone() {
        return Optional.ofNullable(phone);
    }

    public Optional<String> help() {
        return Optional.ofNullable(helpUrl);
    }
}
