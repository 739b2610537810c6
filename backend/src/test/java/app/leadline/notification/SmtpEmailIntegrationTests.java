package app.leadline.notification;

import static app.leadline.support.Moments.NOON;
import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.Order;
import app.leadline.order.OrderChanges;
import app.leadline.order.OrderFixtures;
import app.leadline.order.OrderQueries;
import app.leadline.supplier.SupplierCatalog;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.TestSuppliers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** E-mail goes out through a real SMTP client to GreenMail, in the customer's language. */
@LeadlineIntegrationTest
@TestPropertySource(properties = "leadline.notifications.dispatch-interval=1h")
class SmtpEmailIntegrationTests {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("leadline.mail.from", () -> "orders@shop.example");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog suppliers;

    @Autowired
    OrderQueries orders;

    @Autowired
    OrderChanges changes;

    @Autowired
    NotificationDispatcher dispatcher;

    @BeforeEach
    void reset() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        TestSuppliers.register(suppliers);
    }

    private MimeMessage[] mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    @Test
    void theConfirmationAndALaterDelayArriveInTheCustomersLanguageWithTheirLink() throws Exception {
        OrderInputs input = anOrder()
                .customer("locale", "de")
                .customer("email", "anna@example.com")
                .customer("phone", null)
                .withBackorderedLine("SOFA-OSLO-3", TestSuppliers.BACKORDER_SUPPLIER);
        String link = "/t/" + clients.place(input);
        Order order = orders.byNumber(input.number()).orElseThrow();

        dispatcher.dispatch(500, NOON);

        MimeMessage[] confirmation = mailTo("anna@example.com");
        assertThat(confirmation).hasSize(1);
        assertThat(confirmation[0].getSubject()).isEqualTo("Bestellung " + input.number() + " ist bestätigt");
        assertThat(confirmation[0].getFrom()[0].toString()).isEqualTo("orders@shop.example");
        String body = GreenMailUtil.getBody(confirmation[0]);
        assertThat(body).contains("text/plain").contains("text/html");
        String text = plainText(confirmation[0]);
        assertThat(text).contains("Item SOFA-OSLO-3: nachbestellt, erwartet").contains(link);
        assertThat(htmlPart(confirmation[0])).contains("<a href=\"http://localhost:8080" + link + "\">");

        EtaWindow later = new EtaWindow(
                order.line("L2").eta().earliest().plusDays(7),
                order.line("L2").eta().latest().plusDays(7));
        new OrderFixtures(changes)
                .applyDelay(
                        order.id(),
                        "D-" + input.number(),
                        Map.of("L2", later),
                        "Die Fabrik ist im Verzug.",
                        null,
                        Instant.now());
        dispatcher.dispatch(500, NOON);
        dispatcher.dispatch(500, NOON);

        MimeMessage[] received = mailTo("anna@example.com");
        assertThat(received).hasSize(2);
        assertThat(received[1].getSubject()).isEqualTo("Bestellung " + input.number() + " kommt später als zugesagt");
        assertThat(plainText(received[1]))
                .contains("Grund: Die Fabrik ist im Verzug.")
                .contains("stornieren")
                .contains(link);
    }

    private static String plainText(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String htmlPart(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    /** The decoded body of the first part of the given type, however deep it is nested. */
    private static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void aOneTimeCodeArrivesByEmail() throws Exception {
        OrderInputs input = anOrder().withoutConfirmation().customer("email", "lars@example.com");
        String token = clients.place(input);

        clients.anonymous()
                .documentName("requestVerificationCode")
                .variable("token", token)
                .variable("channel", "EMAIL")
                .execute()
                .path("requestVerificationCode.sentTo")
                .entity(String.class)
                .isEqualTo("l•••@example.com");

        MimeMessage[] received = mailTo("lars@example.com");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Din kode til ordre " + input.number());
        assertThat(GreenMailUtil.getBody(received[0])).containsPattern(": din kode er \\d{6}");
    }
}
