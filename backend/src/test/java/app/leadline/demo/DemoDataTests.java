package app.leadline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoDataTests {

    @Test
    void customersAddressesSpellTheirNamesInPlainLetters() {
        assertThat(DemoData.mailbox("Jakub Wójcik")).isEqualTo("jakub.wojcik");
        assertThat(DemoData.mailbox("Anna Müller")).isEqualTo("anna.muller");
        assertThat(DemoData.mailbox("Łucja Kołodziej")).isEqualTo("lucja.kolodziej");
        assertThat(DemoData.mailbox("Søren Æbelø")).isEqualTo("soren.aebelo");

        Instant now = Instant.now();
        assertThat(DemoData.orders(300, now, now))
                .allSatisfy(order ->
                        assertThat(order.customer().email()).matches("[a-z]+(\\.[a-z]+)+\\.\\d{4}@example\\.com"));
    }
}
