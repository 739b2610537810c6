package app.leadline.notification;

import app.leadline.platform.LeadlineProperties;
import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What Twilio tells Leadline: delivery status of each SMS, and replies such as STOP or START. Every request must carry a
 * valid {@code X-Twilio-Signature} for the public address it was sent to; anything else is refused and changes
 * nothing.
 */
@RestController
@ConditionalOnProperty("leadline.twilio.account-sid")
class TwilioWebhooks {

    static final String STATUS_PATH = "/webhooks/twilio/status";
    static final String INBOUND_PATH = "/webhooks/twilio/inbound";

    /** A status only ever moves forward: a late "sent" cannot undo "delivered". */
    private static final List<String> PROGRESS = List.of("queued", "sending", "sent", "delivered");

    private static final Set<String> FINAL = Set.of("delivered", "undelivered", "failed");
    /**
     * Twilio's default keywords (its Advanced Opt-Out names the same ones in {@code OptOutType}): Twilio itself stops
     * and restarts delivery to the number on these, so Leadline follows it rather than keep its own idea.
     */
    private static final Set<String> OPT_OUT_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

    private static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");

    private final RequestValidator validator;
    private final LeadlineProperties leadline;
    private final MongoTemplate mongo;
    private final Clock clock;

    TwilioWebhooks(TwilioSettings twilio, LeadlineProperties leadline, MongoTemplate mongo, Clock clock) {
        this.validator = new RequestValidator(twilio.authToken());
        this.leadline = leadline;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostMapping(path = STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = params(request);
        if (!signed(request, STATUS_PATH, params, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String sid = params.get("MessageSid");
        String status = params.getOrDefault("MessageStatus", "").toLowerCase(Locale.ROOT);
        if (sid == null || status.isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        OutboxMessage message =
                mongo.findOne(Query.query(Criteria.where("providerId").is(sid)), OutboxMessage.class);
        if (message != null && advances(message.deliveryStatus(), status)) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(message.id())),
                    new Update().set("deliveryStatus", status).set("deliveryStatusAt", clock.instant()),
                    OutboxMessage.class);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = INBOUND_PATH,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inbound(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = params(request);
        if (!signed(request, INBOUND_PATH, params, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String from = params.get("From");
        String body = params.getOrDefault("Body", "").trim().toUpperCase(Locale.ROOT);
        String optOutType = params.getOrDefault("OptOutType", "").toUpperCase(Locale.ROOT);
        if (from != null && ("STOP".equals(optOutType) || OPT_OUT_WORDS.contains(body))) {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(from)),
                    new Update().setOnInsert("optedOutAt", clock.instant()),
                    SmsOptOut.class);
        } else if (from != null && ("START".equals(optOutType) || OPT_IN_WORDS.contains(body))) {
            mongo.remove(Query.query(Criteria.where("_id").is(from)), SmsOptOut.class);
        }
        return ResponseEntity.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    }

    /**
     * Twilio signs the full address it called, query string included (a callback configured as
     * {@code /webhooks/twilio/status?tenant=dk}), and only the posted parameters.
     */
    private boolean signed(HttpServletRequest request, String path, Map<String, String> params, String signature) {
        String query = request.getQueryString();
        String url = leadline.link(path) + (query == null || query.isEmpty() ? "" : "?" + query);
        return signature != null && validator.validate(url, params, signature);
    }

    static boolean advances(String current, String next) {
        if (current == null) {
            return true;
        }
        if (FINAL.contains(current)) {
            return false;
        }
        return FINAL.contains(next) || PROGRESS.indexOf(next) > PROGRESS.indexOf(current);
    }

    /**
     * The posted parameters. The servlet API merges the query string's parameters into the same map, first: they are
     * taken off again, since Twilio's signature covers them as part of the URL, not as parameters.
     */
    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, Integer> inQuery = new HashMap<>();
        if (request.getQueryString() != null) {
            UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams()
                    .forEach((name, values) ->
                            inQuery.put(URLDecoder.decode(name, StandardCharsets.UTF_8), values.size()));
        }
        Map<String, String> params = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            int skip = inQuery.getOrDefault(name, 0);
            if (values.length > skip) {
                params.put(name, values[skip]);
            }
        });
        return params;
    }
}
