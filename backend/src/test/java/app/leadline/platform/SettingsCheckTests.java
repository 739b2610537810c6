package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SettingsCheckTests {

    private static void check(MockEnvironment environment) {
        new SettingsCheck(environment).afterPropertiesSet();
    }

    @Test
    void theEmbeddedDefaultNeedsNoSettings() {
        assertThatNoException().isThrownBy(() -> check(new MockEnvironment()));
    }

    @Test
    void refusesATrackingLinkKeyThatIsNotThirtyTwoBase64Bytes() {
        assertThatThrownBy(() -> check(new MockEnvironment().withProperty("leadline.tracking.link-key", "secret")))
                .hasMessageContaining("leadline.tracking.link-key must be 32 random bytes");
        assertThatNoException()
                .isThrownBy(() -> check(new MockEnvironment()
                        .withProperty("leadline.tracking.link-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
    }

    @Test
    void refusesAnExternalIssuerWithoutAnAudience() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("leadline.security.issuer-uri", "https://keycloak.example.com/realms/leadline")
                .withProperty("leadline.security.audience", " ")
                .withProperty("leadline.console.authorization-endpoint", "https://keycloak.example.com/auth")
                .withProperty("leadline.console.token-endpoint", "https://keycloak.example.com/token");

        assertThatThrownBy(() -> check(environment)).hasMessageContaining("leadline.security.audience is not");
    }

    @Test
    void refusesAnExternalIssuerWithoutWhereAgentsSignIn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("leadline.security.issuer-uri", "https://keycloak.example.com/realms/leadline")
                .withProperty("leadline.security.audience", "leadline-api");

        assertThatThrownBy(() -> check(environment)).hasMessageContaining("leadline.console.authorization-endpoint");
    }

    @Test
    void refusesAPublicBaseUrlThatIsNotAnAbsoluteAddress() {
        assertThatThrownBy(() ->
                        check(new MockEnvironment().withProperty("leadline.public-base-url", "track.example.com")))
                .hasMessageContaining("leadline.public-base-url");
        assertThatThrownBy(() -> check(new MockEnvironment()
                        .withProperty("leadline.public-base-url", "https://shop.example.com/track?x=1")))
                .hasMessageContaining("without path or query");
    }

    @Test
    void refusesATwilioAccountWithoutTokenOrSender() {
        assertThatThrownBy(() -> check(new MockEnvironment().withProperty("leadline.twilio.account-sid", "AC1")))
                .hasMessageContaining("leadline.twilio.auth-token is not")
                .hasMessageContaining("leadline.twilio.from or leadline.twilio.messaging-service-sid");
    }

    @Test
    void refusesAnSmtpHostWithoutASender() {
        assertThatThrownBy(() -> check(new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")))
                .hasMessageContaining("leadline.mail.from is not");
    }

    @Test
    void acceptsACompleteExternalSetup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("leadline.public-base-url", "https://track.example.com")
                .withProperty("leadline.security.issuer-uri", "https://keycloak.example.com/realms/leadline")
                .withProperty("leadline.security.audience", "leadline-api")
                .withProperty("leadline.console.authorization-endpoint", "https://keycloak.example.com/auth")
                .withProperty("leadline.console.token-endpoint", "https://keycloak.example.com/token");

        assertThatNoException().isThrownBy(() -> check(environment));
    }
}
