package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A start on another port than the public address names is told how to make links and sign-in follow it. */
class PublicAddressCheckTests {

    @Test
    void namesThePortLinksGoToAndTheSettingThatMovesThem() {
        assertThat(PublicAddressCheck.elsewhere(URI.create("http://localhost:8080"), 8099))
                .hasValue("leadline.public-base-url is http://localhost:8080, but this server listens on port 8099:"
                        + " tracking links and the sign-in go to port 8080. Start it with"
                        + " --leadline.public-base-url=http://localhost:8099 as well.");
    }

    @Test
    void saysNothingWhenTheyAgreeOrThePublicAddressIsAnotherHost() {
        assertThat(PublicAddressCheck.elsewhere(URI.create("http://localhost:8080"), 8080))
                .isEmpty();
        assertThat(PublicAddressCheck.elsewhere(URI.create("http://127.0.0.1/"), 80))
                .isEmpty();
        // Behind a proxy or load balancer the public address is another host, on its own port.
        assertThat(PublicAddressCheck.elsewhere(URI.create("https://track.shop.example"), 8080))
                .isEmpty();
    }
}
