package app.leadline.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The shop's profile for the customer's page, and its logo, served from Leadline's own origin. */
@Controller
class ShopController {

    static final String LOGO_PATH = "/shop/logo";

    private final ShopProfile shop;

    ShopController(ShopProfile shop) {
        this.shop = shop;
    }

    record Shop(String name, String logoUrl, String colour, String email, String phone, String helpUrl) {}

    @QueryMapping
    Shop shop() {
        return new Shop(
                shop.name(),
                shop.logoFile().map(file -> LOGO_PATH).orElse(null),
                shop.colour(),
                shop.email(),
                shop.phone(),
                shop.helpUrl());
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
