package app.leadline.shop;

import app.leadline.platform.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The shop's look for the customer's page and for admins to change, and its configured logo file. */
@Controller
class ShopController {

    static final String LOGO_PATH = "/shop/logo";

    private final ShopProfile shop;
    private final ShopLooks looks;

    ShopController(ShopProfile shop, ShopLooks looks) {
        this.shop = shop;
        this.looks = looks;
    }

    @QueryMapping
    ShopLook shop() {
        return looks.current();
    }

    record ShopLookPayload(ShopLook shop, List<UserError> errors) {}

    @MutationMapping
    ShopLookPayload defineShopLook(@Argument ShopLooks.Definition input, Principal admin) {
        ShopLooks.Outcome outcome = looks.define(input, admin.getName());
        return new ShopLookPayload(outcome.look().orElse(null), outcome.errors());
    }

    @GetMapping(LOGO_PATH)
    ResponseEntity<byte[]> logo() throws IOException {
        if (shop.logo() == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        ShopProfile.logoType(shop.logo()).orElseThrow()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(Files.readAllBytes(shop.logo()));
    }
}
