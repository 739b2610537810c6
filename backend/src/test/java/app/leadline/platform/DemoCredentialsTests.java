package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo's stored hashes are those of the credentials the README gives. */
class DemoCredentialsTests {

    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void theDemoAgentsSignInWithTheirNamesAsPasswords() {
        assertThat(EmbeddedAuthorizationServerConfiguration.DEMO_AGENT_PASSWORD_HASHES)
                .containsOnlyKeys("agent", "admin")
                .allSatisfy((name, hash) ->
                        assertThat(passwords.matches(name, hash)).isTrue());
        assertThat(passwords.matches(
                        "agent", EmbeddedAuthorizationServerConfiguration.DEMO_AGENT_PASSWORD_HASHES.get("admin")))
                .isFalse();
    }

    @Test
    void theDemoShopAuthenticatesWithItsSecret() {
        assertThat(passwords.matches(
                        EmbeddedAuthorizationServerConfiguration.DEMO_SHOP_SECRET,
                        EmbeddedAuthorizationServerConfiguration.DEMO_SHOP_SECRET_HASH))
                .isTrue();
    }
}
