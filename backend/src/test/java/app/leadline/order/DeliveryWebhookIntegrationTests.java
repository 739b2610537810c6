package app.leadline.order;

import static app.leadline.support.OrderInputs.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A carrier reports a delivery through the signed webhook; forged, stale and unknown reports change nothing. */
@LeadlineIntegrationTest
class DeliveryWebhookIntegrationTests {

    @Autowired
    Clients clients;

    private OrderInputs input;
    private String token;
    private Instant shippedAt;

    @BeforeEach
    void aShippedParcel() {
        input = anOrder();
        token = clients.place(input);
        clients.agent("alice")
                .documentName("recordShipment")
                .variable("orderNumber", input.number())
                .variable("lineIds", List.of("L1"))
                .execute();
        shippedAt = status().path("trackOrder.shipments[0].shippedAt")
                .entity(Instant.class)
                .get();
    }

    @Test
    void agentsSeeTheCarriersTrackingPageOfAParcelAsTheCustomerDoes() {
        clients.agent("alice")
                .document("query($number: String!) { agentOrder(number: $number) {"
                        + " shipments { carrier trackingNumber trackingUrl } } }")
                .variable("number", input.number())
                .execute()
                .path("agentOrder.shipments[0].trackingUrl")
                .entity(String.class)
                .satisfies(url -> assertThat(url).contains("PN123456789DK"));
        status().path("trackOrder.shipments[0].trackingUrl")
                .entity(String.class)
                .satisfies(url -> assertThat(url).contains("PN123456789DK"));
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response status() {
        return clients.anonymous()
                .documentName("trackOrder")
                .variable("token", token)
                .execute();
    }

    private String body(String trackingNumber) {
        return "{\"orderNumber\":\"" + input.number() + "\",\"trackingNumber\":\"" + trackingNumber
                + "\",\"deliveredAt\":\"" + shippedAt + "\"}";
    }

    private WebTestClient.ResponseSpec report(String body, long timestamp, String secret) {
        return clients.http()
                .post()
                .uri("/webhooks/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Leadline-Timestamp", String.valueOf(timestamp))
                .header("X-Leadline-Signature", "sha256=" + hmac(secret, timestamp + "." + body))
                .bodyValue(body)
                .exchange();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aSignedReportTurnsTheParcelsLinesDelivered() {
        report(body("PN123456789DK"), now(), LeadlineIntegrationTest.WEBHOOK_SECRET)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lineIds[0]")
                .isEqualTo("L1");

        status().path("trackOrder.lines[0].status").entity(String.class).isEqualTo("DELIVERED");
        status().path("trackOrder.shipments[0].deliveredAt")
                .entity(Instant.class)
                .isEqualTo(shippedAt);
    }

    @Test
    void aForgedSignatureIsRefusedAndChangesNothing() {
        report(body("PN123456789DK"), now(), "not-the-secret")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("BAD_SIGNATURE");

        status().path("trackOrder.lines[0].status").entity(String.class).isEqualTo("SHIPPED");
    }

    @Test
    void aReportSignedLongAgoIsRefusedSoACapturedOneCannotBeReplayedLater() {
        report(body("PN123456789DK"), now() - 600, LeadlineIntegrationTest.WEBHOOK_SECRET)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("STALE_TIMESTAMP");

        status().path("trackOrder.lines[0].status").entity(String.class).isEqualTo("SHIPPED");
    }

    @Test
    void aReportForAnUnknownParcelIsRefused() {
        report(body("NO-SUCH-PARCEL"), now(), LeadlineIntegrationTest.WEBHOOK_SECRET)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("UNKNOWN_SHIPMENT");
    }

    @Test
    void theSameReportReplayedAtOnceIsRecordedOnce() {
        long timestamp = now();
        String body = body("PN123456789DK");
        report(body, timestamp, LeadlineIntegrationTest.WEBHOOK_SECRET)
                .expectStatus()
                .isOk();

        report(body, timestamp, LeadlineIntegrationTest.WEBHOOK_SECRET)
                .expectStatus()
                .isOk();

        status().path("trackOrder.timeline[?(@.type == 'DELIVERED')]")
                .entityList(Object.class)
                .hasSize(1);
    }

    private static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
