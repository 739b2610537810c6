package app.leadline.crash;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.BesideTheOthers;
import app.leadline.support.Waiting;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default survives {@code kill -9}: the real application runs as a JVM of its own on an H2 data
 * folder, sends SMS through the Twilio SDK to a stand-in for Twilio's API and e-mail to an SMTP server, and is
 * killed with SIGKILL at random moments while orders come in, while a delay cascades and while messages go out;
 * after each kill it is started again on the same folder. Then: no order or delay it acknowledged is lost, every
 * line a delay reached moved once, every message went out once (an e-mail cut off in flight may reach the mail
 * server a second time, under the same Message-ID), nothing is left unsent, and no index disagrees with the
 * documents. {@code leadline.crash.kills} sets the number of kills (3 here, 20 in the {@code crash} profile).
 */
@BesideTheOthers // starts JVMs of its own and kills them; the test mostly waits for them
class KillNineIntegrationTests {

    private static final int DEMO_ORDERS = 150;
    private static final List<String> PURCHASE_ORDERS = List.of("PO-NS-2041", "PO-NS-2042", "PO-BW-0877", "PO-BW-0878");
    private static final Pattern REPORT_ID = Pattern.compile("\"report\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CUSTOMERS_TOLD = Pattern.compile("\"customers\"\\s*:\\s*(\\d+)");

    private enum Moment {
        INTAKE,
        CASCADE,
        DISPATCH
    }

    @TempDir
    Path folder;

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final TwilioStandIn twilio = new TwilioStandIn();
    private LeadlineProcess app;
    private MongoClient store;

    /** Orders whose hand-over Leadline answered, and delays whose logging it answered, with their internal notes. */
    private final Set<String> acknowledgedOrders = ConcurrentHashMap.newKeySet();

    private final Map<String, String> acknowledgedDelays = new HashMap<>();

    @AfterEach
    void stopAll() {
        if (store != null) {
            store.close();
        }
        if (app != null) {
            app.stop();
        }
        twilio.close();
        smtp.stop();
    }

    @Test
    void whatLeadlineAnsweredSurvivesKillsAndEveryMessageGoesOutOnce() throws Exception {
        int kills = Integer.getInteger("leadline.crash.kills", 3);
        long seed = Long.getLong("leadline.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("Kill -9 test: " + kills + " kills, seed " + seed + ", folder " + folder);
        smtp.start();
        app = new LeadlineProcess(folder, settings());
        connect(app.start());
        Waiting.until(
                () -> orders().countDocuments() >= DEMO_ORDERS, Duration.ofMinutes(2), "the demo orders are loaded");

        for (int round = 1; round <= kills; round++) {
            Moment moment = Moment.values()[(round - 1) % Moment.values().length];
            switch (moment) {
                case INTAKE -> killDuringIntake(random);
                case CASCADE -> killDuringCascade(round, random);
                case DISPATCH -> killDuringDispatch(round, random);
            }
            System.out.println("Kill " + round + " of " + kills + " (" + moment + "): " + twilio.count() + " SMS and "
                    + smtp.getReceivedMessages().length + " e-mails taken so far");
            store.close();
            connect(app.start());
            waitUntilDrained();
        }

        Verdict verdict = verdict();
        System.out.println(verdict);
        assertThat(verdict.ordersLost()).as("acknowledged orders lost").isEmpty();
        assertThat(verdict.delaysLostOrUnfinished())
                .as("acknowledged delays lost or not done")
                .isEmpty();
        assertThat(verdict.linesNeverMoved())
                .as("lines a delay reached but never moved")
                .isZero();
        assertThat(verdict.linesMovedTwice()).as("lines a delay moved twice").isZero();
        assertThat(verdict.smsLost())
                .as("SMS the outbox calls sent that Twilio never took")
                .isZero();
        assertThat(verdict.smsTwice()).as("SMS Twilio took twice").isZero();
        assertThat(verdict.emailsLost())
                .as("e-mails the outbox calls sent that never arrived")
                .isZero();
        // SMTP cannot be asked whether it took a message: an e-mail a crash cut off is sent again, under its own
        // Message-ID (mailbox providers keep one copy of a Message-ID), and the outbox marks it uncertain.
        assertThat(verdict.emailsTwiceNotCutOff())
                .as("e-mails that arrived twice though no crash cut them off")
                .isZero();
        assertThat(verdict.ordersAnIndexMisses())
                .as("orders a unique index no longer finds")
                .isEmpty();

        store.close();
        store = null;
        app.stop();
        assertThat(app.output())
                .as("the first start found no index that disagreed with the documents")
                .doesNotContain("rebuilt unique indexes");
    }

    private List<String> settings() {
        return List.of(
                "leadline.demo.orders=" + DEMO_ORDERS,
                "leadline.notifications.echo=false",
                "leadline.notifications.quiet-hours=00:00-00:00",
                "leadline.notifications.dispatch-interval=300ms",
                "leadline.notifications.retry-interval=1s",
                "leadline.notifications.claim-lease=5s",
                "leadline.notifications.retry-lease=5s",
                "leadline.notifications.sms-per-second=200",
                "leadline.notifications.email-per-second=200",
                "leadline.delays.chunk-size=20",
                "leadline.delays.chunk-lease=5s",
                "leadline.delays.sweep-interval=1s",
                "leadline.twilio.account-sid=AC00000000000000000000000000000000",
                "leadline.twilio.auth-token=test-token",
                "leadline.twilio.from=+4570000000",
                "leadline.twilio.api-base-url=" + twilio.baseUrl(),
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtp.getSmtp().getPort(),
                "leadline.mail.from=orders@shop.example",
                "logging.level.root=WARN",
                "logging.level.app.leadline=INFO",
                "logging.level.de.bwaldvogel=WARN");
    }

    // --- Moments to kill at -------------------------------------------------------------------------------------

    /** Orders come in batch after batch; the process dies while one is on its way. */
    private void killDuringIntake(Random random) throws Exception {
        String token = app.shopToken();
        AtomicBoolean stop = new AtomicBoolean();
        Thread shop = new Thread(() -> {
            int batch = 0;
            while (!stop.get()) {
                List<String> numbers = new ArrayList<>();
                StringBuilder orders = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    String number = "K-" + System.nanoTime() + "-" + batch + "-" + i;
                    numbers.add(number);
                    orders.append(i == 0 ? "" : ",").append(order(number, batch * 20 + i));
                }
                batch++;
                try {
                    String answer = app.graphql(
                            token,
                            "{\"query\": \"mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) {"
                                    + " orders { number } errors { code message } } }\", \"variables\": {\"input\":"
                                    + " {\"orders\": [" + orders + "]}}}");
                    if (answer.contains("\"errors\":[]") && !answer.contains("\"errors\":[{")) {
                        acknowledgedOrders.addAll(numbers);
                    }
                } catch (IOException | InterruptedException e) {
                    return; // the process died with the batch in flight: not acknowledged
                }
            }
        });
        shop.start();
        LeadlineProcess.pause(300 + random.nextInt(2500));
        app.kill();
        stop.set(true);
        shop.join();
    }

    /** A delay is logged and answered; the process dies while its cascade runs. */
    private void killDuringCascade(int round, Random random) throws Exception {
        logDelay(round);
        LeadlineProcess.pause(random.nextInt(1500));
        app.kill();
    }

    /** A delay's messages go out; the process dies after some of them reached Twilio and the mail server. */
    private void killDuringDispatch(int round, Random random) throws Exception {
        int before = twilio.count() + smtp.getReceivedMessages().length;
        // Each customer the delay tells gets at least one message: the kill comes after some of those went out (at
        // once when it tells nobody).
        int customers = logDelay(round);
        int after = customers == 0 ? 0 : 1 + random.nextInt(customers);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (twilio.count() + smtp.getReceivedMessages().length < before + after) {
            assertThat(System.nanoTime() - deadline)
                    .as("%d of the delay's messages went out within a minute", after)
                    .isNegative();
            LeadlineProcess.pause(5);
        }
        app.kill();
    }

    /** Logs a delay on one of the demo's purchase orders; returns how many customers it tells. */
    private int logDelay(int round) throws Exception {
        String note = "kill test, round " + round;
        String purchaseOrder = PURCHASE_ORDERS.get(round % PURCHASE_ORDERS.size());
        String answer = app.graphql(
                app.agentToken("agent", "agent"),
                "{\"query\": \"mutation($input: DelayInput!) { logDelay(input: $input) { report { id preview { customers } }"
                        + " errors { code message } } }\", \"variables\": {\"input\": {\"scope\": {\"type\":"
                        + " \"PURCHASE_ORDER\", \"purchaseOrder\": \"" + purchaseOrder + "\"}, \"daysLate\": "
                        + daysLate(round) + ", \"reasonText\": \"The factory is behind.\","
                        + " \"internalNote\": \"" + note + "\"}}}");
        Matcher report = REPORT_ID.matcher(answer);
        assertThat(report.find()).as("logDelay answered %s", answer).isTrue();
        acknowledgedDelays.put(report.group(1), note);
        Matcher customers = CUSTOMERS_TOLD.matcher(answer);
        assertThat(customers.find()).as("logDelay answered %s", answer).isTrue();
        return Integer.parseInt(customers.group(1));
    }

    /**
     * Later with every round, and later than the demo's showcase delays (nine days, for one product each): each delay
     * then moves every line it reaches, which the verdict counts, since a delay for a purchase order leaves a line that
     * another scope's delay already moved later.
     */
    private static int daysLate(int round) {
        return 10 + round;
    }

    static String order(String number, int n) {
        return order(number, n, "SOFA-OSLO-3", "NORDIC-SOFA");
    }

    /** An order of one backordered item, as the shop hands it over (JSON). */
    static String order(String number, int n, String sku, String supplier) {
        String phone = String.format("+4521%06d", Math.floorMod(number.hashCode(), 1_000_000));
        return "{\"number\": \"" + number + "\", \"currency\": \"DKK\", \"customer\": {\"name\": \"Kunde " + n
                + "\", \"email\": \"k" + Math.abs(number.hashCode()) + "@example.com\", \"phone\": \"" + phone
                + "\", \"locale\": \"da\"}, \"destination\": {\"street\": \"Nørregade 1\", \"postalCode\":"
                + " \"1165\", \"city\": \"København\", \"country\": \"DK\"}, \"lines\": [{\"sku\": \"" + sku + "\","
                + " \"name\": \"" + sku + "\", \"quantity\": 1, \"unitPrice\": \"8999.00\", \"source\": \"BACKORDER\","
                + " \"supplier\": \"" + supplier + "\"}]}";
    }

    // --- What the store holds -----------------------------------------------------------------------------------

    private void connect(int storePort) {
        store = MongoClients.create("mongodb://127.0.0.1:" + storePort);
    }

    private MongoDatabase db() {
        return store.getDatabase("leadline");
    }

    private com.mongodb.client.MongoCollection<Document> orders() {
        return db().getCollection("orders");
    }

    /** Waits until every delay is done, every order's messages are sent and no message is still being tried. */
    private void waitUntilDrained() {
        Waiting.until(
                () -> db().getCollection("delayReports").countDocuments(Filters.eq("state", "RUNNING")) == 0
                        && orders().countDocuments(Filters.elemMatch("notifications", Filters.eq("sentAt", null))) == 0
                        && db().getCollection("outbox").countDocuments(Filters.in("status", "SENDING", "RETRYING"))
                                == 0,
                Duration.ofMinutes(4),
                "every delay is done and every message is sent after the restart");
    }

    record Verdict(
            List<String> ordersLost,
            List<String> delaysLostOrUnfinished,
            int linesMoved,
            int danglingAllocations,
            int linesNeverMoved,
            int linesMovedTwice,
            int smsOnce,
            int smsLost,
            int smsTwice,
            int emailsOnce,
            int emailsLost,
            int emailsTwiceCutOff,
            int emailsTwiceNotCutOff,
            List<String> ordersAnIndexMisses) {}

    private Verdict verdict() throws MessagingException {
        List<String> ordersLost = acknowledgedOrders.stream()
                .filter(number -> orders().countDocuments(Filters.eq("number", number)) != 1)
                .toList();

        List<String> delaysLost = new ArrayList<>();
        int moved = 0;
        int danglingAllocations = 0;
        int never = 0;
        int twice = 0;
        for (Map.Entry<String, String> delay : acknowledgedDelays.entrySet()) {
            Document report = db().getCollection("delayReports")
                    .find(Filters.eq("_id", delay.getKey()))
                    .first();
            if (report == null || !"DONE".equals(report.getString("state"))) {
                delaysLost.add(delay.getKey());
                continue;
            }
            for (Document chunk : db().getCollection("delayChunks").find(Filters.eq("report", delay.getKey()))) {
                for (Document target : chunk.getList("targets", Document.class)) {
                    Document order = orders().find(Filters.eq("_id", target.getString("orderId")))
                            .first();
                    if (order == null) {
                        // Intake allocates before it stores the order: a crash in between leaves a purchase order
                        // pointing at an order that was never stored nor acknowledged, which the cascade skips.
                        danglingAllocations++;
                        continue;
                    }
                    for (String lineId : target.getList("lineIds", String.class)) {
                        long events = order.getList("timeline", Document.class).stream()
                                .filter(event -> delay.getValue().equals(event.getString("internalNote"))
                                        && event.get("details", Document.class)
                                                .getString("line")
                                                .equals(lineId))
                                .count();
                        if (events == 1) {
                            moved++;
                        } else if (events == 0) {
                            never++;
                        } else {
                            twice++;
                        }
                    }
                }
            }
        }

        Set<String> smsTaken = new java.util.HashSet<>();
        twilio.taken().forEach(sms -> smsTaken.add(sms.sid()));
        // Two messages may say the same thing to the same number (two delays that land on the same dates); a message
        // sent twice is one the outbox holds once and Twilio took more than once.
        Map<String, Integer> sameTextTaken = new HashMap<>();
        twilio.taken().forEach(sms -> sameTextTaken.merge(sms.to() + "\n" + sms.body(), 1, Integer::sum));
        Map<String, Integer> sameTextInOutbox = new HashMap<>();
        for (Document message : db().getCollection("outbox").find(Filters.eq("channel", "SMS"))) {
            sameTextInOutbox.merge(message.getString("recipient") + "\n" + message.getString("text"), 1, Integer::sum);
        }
        int smsTwice = 0;
        int smsOnce = 0;
        for (Map.Entry<String, Integer> text : sameTextTaken.entrySet()) {
            int messages = sameTextInOutbox.getOrDefault(text.getKey(), 0);
            smsTwice += Math.max(0, text.getValue() - messages);
            smsOnce += Math.min(text.getValue(), messages);
        }
        int smsLost = 0;
        Map<String, Integer> emailsArrived = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            emailsArrived.merge(mail.getMessageID(), 1, Integer::sum);
        }
        int emailsOnce = 0;
        int emailsLost = 0;
        int emailsTwiceCutOff = 0;
        int emailsTwiceNotCutOff = 0;
        for (Document message : db().getCollection("outbox").find()) {
            boolean sent = "SENT".equals(message.getString("status"));
            if ("SMS".equals(message.getString("channel"))) {
                if (!sent || !smsTaken.contains(message.getString("providerId"))) {
                    smsLost++;
                }
            } else {
                int arrived = emailsArrived.getOrDefault(message.getString("providerId"), 0);
                // Retried after a crash cut its first attempt off: the mail server may have taken that one.
                boolean cutOff = Boolean.TRUE.equals(message.getBoolean("uncertain"));
                if (!sent || arrived == 0) {
                    emailsLost++;
                } else if (arrived == 1) {
                    emailsOnce++;
                } else if (cutOff) {
                    emailsTwiceCutOff++;
                } else {
                    emailsTwiceNotCutOff++;
                }
            }
        }
        // What a versioned update, intake's idempotency check and a tracking link go through: the unique indexes.
        List<String> ordersAnIndexMisses = new ArrayList<>();
        for (Document order : orders().find()) {
            boolean versioned = orders().countDocuments(Filters.and(
                            Filters.eq("_id", order.get("_id")), Filters.eq("version", order.get("version"))))
                    == 1;
            boolean numbered = orders().countDocuments(Filters.eq("number", order.getString("number"))) == 1;
            if (!versioned || !numbered) {
                ordersAnIndexMisses.add(order.getString("number"));
            }
        }
        Collections.sort(delaysLost);
        return new Verdict(
                ordersLost,
                delaysLost,
                moved,
                danglingAllocations,
                never,
                twice,
                smsOnce,
                smsLost,
                smsTwice,
                emailsOnce,
                emailsLost,
                emailsTwiceCutOff,
                emailsTwiceNotCutOff,
                ordersAnIndexMisses);
    }
}
