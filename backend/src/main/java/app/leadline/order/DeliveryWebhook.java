package app.leadline.order;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A carrier or shipping platform reports a delivery: {@code POST /webhooks/deliveries} with a JSON body
 * {@code {orderNumber, trackingNumber, deliveredAt}}, the header {@code X-Leadline-Timestamp} (seconds since the
 * epoch) and {@code X-Leadline-Signature: sha256=<hex>}, the HMAC-SHA256 of {@code timestamp + "." + body} under the
 * shared secret {@code leadline.carriers.webhook-secret}. A request signed more than five minutes from now is
 * refused, so a captured one cannot be replayed later; replayed within that time it changes nothing, because a
 * delivery reported twice is recorded once. Without a secret the endpoint does not exist.
 */
@RestController
class DeliveryWebhook {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Deliveries deliveries;
    private final Clock clock;
    private final byte[] secret;
    private final JsonMapper json = JsonMapper.builder().build();

    DeliveryWebhook(Deliveries deliveries, Clock clock, @Value("${leadline.carriers.webhook-secret:}") String secret) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    record Reported(String orderNumber, String trackingNumber, Instant deliveredAt) {}

    @PostMapping("/webhooks/deliveries")
    ResponseEntity<Map<String, Object>> delivered(
            @RequestHeader(name = "X-Leadline-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Leadline-Signature", required = false) String signature,
            @RequestBody String body) {
        if (secret.length == 0) {
            return ResponseEntity.notFound().build();
        }
        if (timestamp == null || signature == null || !same(signature, "sha256=" + sign(timestamp + "." + body))) {
            return refused(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return refused(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
            return refused(HttpStatus.UNAUTHORIZED, "STALE_TIMESTAMP");
        }
        Reported reported;
        try {
            reported = json.readValue(body, Reported.class);
        } catch (RuntimeException unreadable) {
            return refused(HttpStatus.BAD_REQUEST, "INVALID_BODY");
        }
        if (reported.orderNumber() == null || reported.trackingNumber() == null || reported.deliveredAt() == null) {
            return refused(HttpStatus.BAD_REQUEST, "INVALID_BODY");
        }
        try {
            Order order = deliveries.markDeliveredAsReported(
                    reported.orderNumber(), reported.trackingNumber(), reported.deliveredAt());
            List<String> lineIds = order.shipments().stream()
                    .filter(shipment -> shipment.trackingNumber()
                            .equals(reported.trackingNumber().strip()))
                    .flatMap(shipment -> shipment.lineIds().stream())
                    .toList();
            return ResponseEntity.ok(Map.of("lineIds", lineIds));
        } catch (OrderRuleViolation refused) {
            return refused(
                    refused.code().startsWith("UNKNOWN") ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY,
                    refused.code());
        }
    }

    private static ResponseEntity<Map<String, Object>> refused(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("error", code));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** Compares in constant time, so the time taken does not tell how much of a guess was right. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
