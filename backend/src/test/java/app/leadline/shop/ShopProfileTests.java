package app.leadline.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shop's look is checked when Leadline starts, not when a customer opens a page. */
class ShopProfileTests {

    @Test
    void withNothingSetThePageIsLeadlinesOwnInItsDarkBlue() {
        ShopProfile shop = new ShopProfile(null, null, null, " ", null, null);

        assertThat(shop.name()).isEqualTo("Leadline");
        assertThat(shop.colour()).isEqualTo("#1f3a5f");
        assertThat(shop.email()).isNull();
    }

    @Test
    void aColourThatIsNotRrggbbStopsTheStart() {
        assertThatThrownBy(() -> new ShopProfile("Shop", null, "blue", null, null, null))
                .hasMessageContaining("leadline.shop.colour");
    }

    @Test
    void aLogoThatIsNoImageFileOrAHelpAddressThatIsNoWebAddressStopsTheStart(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("logo.txt"), "not an image");

        assertThatThrownBy(() -> new ShopProfile("Shop", text, null, null, null, null))
                .hasMessageContaining("leadline.shop.logo");
        assertThatThrownBy(() -> new ShopProfile("Shop", dir.resolve("missing.svg"), null, null, null, null))
                .hasMessageContaining("leadline.shop.logo");
        assertThatThrownBy(() -> new ShopProfile("Shop", null, null, null, null, "javascript:alert(1)"))
                .hasMessageContaining("leadline.shop.help-url");
    }
}
