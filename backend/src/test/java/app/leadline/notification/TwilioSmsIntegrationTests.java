package app.leadline.notification;

import static app.leadline.support.OrderInputs.anOrder;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SMS go out through the real Twilio SDK; WireMock stands in for Twilio's API. */
@LeadlineIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TwilioSmsIntegrationTests {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final WireMockServer TWILIO =
            new WireMockServer(wireMockConfig().dynamicPort());

    static {
        TWILIO.start();
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("leadline.twilio.account-sid", () -> ACCOUNT);
        registry.add("leadline.twilio.auth-token", () -> "test-token");
        registry.add("leadline.twilio.from", () -> "+4570000000");
        registry.add("leadline.twilio.api-base-url", () -> "http://localhost:" + TWILIO.port());
        // On, as it is by default: a deployment that sends through Twilio must print nothing of its messages.
        registry.add("leadline.notifications.echo", () -> "true");
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @Autowired
    Clients clients;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void reset() {
        TWILIO.resetAll();
    }

    private OutboxMessage codeMessage(String orderNumber) {
        return mongo.findOne(
                Query.query(Criteria.where("orderNumber")
                        .is(orderNumber)
                        .and("kind")
                        .is("VERIFICATION_CODE")),
                OutboxMessage.class);
    }

    private void askForCodeBySms(String token) {
        clients.anonymous()
                .documentName("requestVerificationCode")
                .variable("token", token)
                .variable("channel", "SMS")
                .execute()
                .path("requestVerificationCode.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aOneTimeCodeGoesToTheCustomersPhoneThroughTwilio() {
        TWILIO.stubFor(
                post(urlEqualTo(MESSAGES))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"sid\": \"SM0000000000000000000000000000abcd\", \"status\": \"queued\", \"to\": \"+4520123456\"}")));
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520123456");

        askForCodeBySms(clients.place(order));

        OutboxMessage sent = codeMessage(order.number());
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.providerId()).isEqualTo("SM0000000000000000000000000000abcd");
        TWILIO.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withBasicAuth(
                                new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, "test-token"))
                        .withRequestBody(containing("To=%2B4520123456"))
                        .withRequestBody(containing("From=%2B4570000000"))
                        .withRequestBody(containing("+din+kode+er+")));
    }

    @Test
    void aNumberTwilioRefusesIsRecordedAsFailed() {
        TWILIO.stubFor(
                post(urlEqualTo(MESSAGES))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\", \"status\": 400}")));
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4529999999");

        askForCodeBySms(clients.place(order));

        OutboxMessage failed = codeMessage(order.number());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("not a valid phone number");
        TWILIO.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B4529999999")));
    }

    // --- What Twilio tells us back ----------------------------------------------------------------------------

    /** Twilio's signature: HMAC-SHA1 with the auth token over the URL and the sorted parameters, base64. */
    private static String signature(String url, java.util.Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(params)
                .forEach((name, value) -> data.append(name).append(value));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                "test-token".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        return java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private int postWebhook(String path, java.util.Map<String, String> params, String signature) {
        org.springframework.util.LinkedMultiValueMap<String, String> form =
                new org.springframework.util.LinkedMultiValueMap<>();
        params.forEach(form::add);
        return clients.http()
                .post()
                .uri(path)
                .headers(headers -> {
                    if (signature != null) {
                        headers.add("X-Twilio-Signature", signature);
                    }
                })
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private int status(String sid, String status, boolean signed) throws Exception {
        java.util.Map<String, String> params = java.util.Map.of("MessageSid", sid, "MessageStatus", status);
        return postWebhook(
                "/webhooks/twilio/status",
                params,
                signed ? signature("http://localhost:8080/webhooks/twilio/status", params) : null);
    }

    private void twilioAccepts(String sid) {
        TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
    }

    @Test
    void signedStatusCallbacksMoveTheStatusForwardOnly() throws Exception {
        String sid = "SM00000000000000000000000000000b01";
        twilioAccepts(sid);
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520111111");
        askForCodeBySms(clients.place(order));

        assertThat(status(sid, "sent", true)).isEqualTo(204);
        assertThat(codeMessage(order.number()).deliveryStatus()).isEqualTo("sent");
        assertThat(status(sid, "delivered", true)).isEqualTo(204);
        assertThat(status(sid, "sent", true)).isEqualTo(204);
        assertThat(status(sid, "delivered", true)).isEqualTo(204);

        assertThat(codeMessage(order.number()).deliveryStatus()).isEqualTo("delivered");
    }

    @Test
    void unsignedOrWronglySignedCallbacksAreRefused() throws Exception {
        String sid = "SM00000000000000000000000000000b02";
        twilioAccepts(sid);
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520222222");
        askForCodeBySms(clients.place(order));
        java.util.Map<String, String> params = java.util.Map.of("MessageSid", sid, "MessageStatus", "failed");

        assertThat(status(sid, "failed", false)).isEqualTo(403);
        assertThat(postWebhook("/webhooks/twilio/status", params, signature("http://localhost:8080/elsewhere", params)))
                .isEqualTo(403);
        assertThat(postWebhook("/webhooks/twilio/status", params, "bm90IGEgc2lnbmF0dXJl"))
                .isEqualTo(403);

        assertThat(codeMessage(order.number()).deliveryStatus()).isNull();
    }

    private int reply(String from, String body) throws Exception {
        java.util.Map<String, String> reply = java.util.Map.of("From", from, "Body", body);
        return postWebhook(
                "/webhooks/twilio/inbound", reply, signature("http://localhost:8080/webhooks/twilio/inbound", reply));
    }

    private GraphQlTester.Response askForCode(String token, String channel) {
        return clients.anonymous()
                .documentName("requestVerificationCode")
                .variable("token", token)
                .variable("channel", channel)
                .execute();
    }

    @Test
    void aCustomerWhoRepliesStopGetsNoMoreSms() throws Exception {
        twilioAccepts("SM00000000000000000000000000000b03");
        assertThat(reply("+4520333333", "Stop ")).isEqualTo(200);
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520333333");
        clients.place(order);

        notifications.sendOnce(
                "opted-out-" + order.number(),
                new Message(
                        Message.Channel.SMS,
                        "+4520333333",
                        order.number(),
                        "SHIPPED",
                        null,
                        "Your sofa is on its way"));

        assertThat(mongo.findById("opted-out-" + order.number(), OutboxMessage.class)
                        .status())
                .isEqualTo("OPTED_OUT");
        TWILIO.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aCustomerWhoRepliedStopIsToldSmsIsOffAndGetsTheCodeByEmailInstead() throws Exception {
        twilioAccepts("SM00000000000000000000000000000b04");
        assertThat(reply("+4520444404", "STOP")).isEqualTo(200);
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520444404");
        String token = clients.place(order);

        GraphQlTester.Response bySms = askForCode(token, "SMS");

        bySms.path("requestVerificationCode.sentTo").valueIsNull();
        bySms.path("requestVerificationCode.errors[0].code")
                .entity(String.class)
                .isEqualTo("SMS_OPTED_OUT");
        bySms.path("requestVerificationCode.errors[0].field")
                .entity(String.class)
                .isEqualTo("input.channel");
        bySms.path("requestVerificationCode.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("e-mail"));
        assertThat(codeMessage(order.number())).isNull();
        TWILIO.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));

        askForCode(token, "EMAIL")
                .path("requestVerificationCode.sentTo")
                .entity(String.class)
                .satisfies(sentTo -> assertThat(sentTo).contains("@"));
    }

    @Test
    void replyingStartOrAnotherOptInKeywordTurnsSmsBackOn() throws Exception {
        twilioAccepts("SM00000000000000000000000000000b05");
        java.util.List<String> phones = java.util.List.of("+4520555551", "+4520555552", "+4520555553");
        java.util.List<String> optIns = java.util.List.of("START", "yes", " Unstop");
        for (int i = 0; i < phones.size(); i++) {
            assertThat(reply(phones.get(i), "STOP")).isEqualTo(200);
            assertThat(reply(phones.get(i), optIns.get(i))).isEqualTo(200);
            OrderInputs order = anOrder().withoutConfirmation().customer("phone", phones.get(i));

            askForCodeBySms(clients.place(order));

            assertThat(codeMessage(order.number()).status()).as(optIns.get(i)).isEqualTo("SENT");
        }
        TWILIO.verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void everyOptOutKeywordTwilioHonoursTurnsSmsOff() throws Exception {
        java.util.List<String> optOuts =
                java.util.List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
        for (int i = 0; i < optOuts.size(); i++) {
            String phone = "+45206666" + (10 + i);
            assertThat(reply(phone, optOuts.get(i).toLowerCase(java.util.Locale.ROOT)))
                    .isEqualTo(200);
            OrderInputs order = anOrder().withoutConfirmation().customer("phone", phone);

            String refusal = askForCode(clients.place(order), "SMS")
                    .path("requestVerificationCode.errors[0].code")
                    .entity(String.class)
                    .get();
            assertThat(refusal).as(optOuts.get(i)).isEqualTo("SMS_OPTED_OUT");
        }
        TWILIO.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void eachMessageAsksTwilioToReportItsDeliveryToThePublicAddress() throws Exception {
        String sid = "SM00000000000000000000000000000b06";
        twilioAccepts(sid);
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520777777");

        askForCodeBySms(clients.place(order));

        TWILIO.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(containing("StatusCallback="
                                + java.net.URLEncoder.encode(
                                        "http://localhost:8080/webhooks/twilio/status",
                                        java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(status(sid, "delivered", true)).isEqualTo(204);
        assertThat(codeMessage(order.number()).deliveryStatus()).isEqualTo("delivered");
    }

    @Test
    void aStatusCallbackConfiguredWithAQueryStringIsCheckedAgainstTheFullAddressTwilioSigned() throws Exception {
        String sid = "SM00000000000000000000000000000b07";
        twilioAccepts(sid);
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520888888");
        askForCodeBySms(clients.place(order));
        java.util.Map<String, String> params = java.util.Map.of("MessageSid", sid, "MessageStatus", "delivered");

        assertThat(postWebhook(
                        "/webhooks/twilio/status?tenant=dk",
                        params,
                        signature("http://localhost:8080/webhooks/twilio/status", params)))
                .as("signed without the query string Twilio called")
                .isEqualTo(403);
        assertThat(codeMessage(order.number()).deliveryStatus()).isNull();

        assertThat(postWebhook(
                        "/webhooks/twilio/status?tenant=dk",
                        params,
                        signature("http://localhost:8080/webhooks/twilio/status?tenant=dk", params)))
                .isEqualTo(204);
        assertThat(codeMessage(order.number()).deliveryStatus()).isEqualTo("delivered");
    }

    @Test
    void nothingOfAMessageSentThroughTwilioIsPrinted(CapturedOutput output) {
        twilioAccepts("SM00000000000000000000000000000b08");
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520999999");

        askForCodeBySms(clients.place(order));

        assertThat(codeMessage(order.number()).status()).isEqualTo("SENT");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\d{6}")
                .matcher(codeMessage(order.number()).text());
        assertThat(code.find()).isTrue();
        assertThat(output.getOut())
                .doesNotContain("+4520999999")
                .doesNotContain(order.number())
                .doesNotContain(code.group());
    }

    // --- Retries ------------------------------------------------------------------------------------------------

    @Autowired
    Notifications notifications;

    @Test
    void aRateLimitedSendIsTriedAgainLaterAndTheCustomerGetsOneMessage() {
        TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .inScenario("busy")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("free"));
        TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .inScenario("busy")
                .whenScenarioStateIs("free")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000c01\", \"status\": \"queued\"}")));
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520444444");
        askForCodeBySms(clients.place(order));
        assertThat(codeMessage(order.number()).status()).isEqualTo("RETRYING");
        assertThat(codeMessage(order.number()).nextAttemptAt())
                .isAfter(java.time.Instant.now().plusSeconds(20));

        notifications.retryDue(java.time.Instant.now().plus(java.time.Duration.ofHours(2)));
        notifications.retryDue(java.time.Instant.now().plus(java.time.Duration.ofHours(4)));

        OutboxMessage sent = codeMessage(order.number());
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.providerId()).isEqualTo("SM00000000000000000000000000000c01");
        TWILIO.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void afterFiveServerErrorsAMessageFailsAndAnAgentCanSendItAgain() {
        TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)));
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520555555");
        askForCodeBySms(clients.place(order));
        java.time.Instant later = java.time.Instant.now();
        for (int i = 0; i < 6; i++) {
            later = later.plus(java.time.Duration.ofHours(2));
            notifications.retryDue(later);
        }
        OutboxMessage failed = codeMessage(order.number());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(Notifications.MAX_ATTEMPTS);
        TWILIO.verify(Notifications.MAX_ATTEMPTS, postRequestedFor(urlEqualTo(MESSAGES)));

        twilioAccepts("SM00000000000000000000000000000c02");
        clients.agent("alice")
                .documentName("resendMessage")
                .variable("id", failed.id())
                .execute()
                .path("resendMessage.resent")
                .entity(Boolean.class)
                .isEqualTo(true);
        notifications.retryDue(java.time.Instant.now().plusSeconds(1));

        assertThat(codeMessage(order.number()).status()).isEqualTo("SENT");
    }

    /** What a process that died while calling Twilio leaves behind: the message stored, still SENDING. */
    private void cutOffByACrash(String id, String phone, String text) {
        java.time.Instant then = java.time.Instant.now().minus(java.time.Duration.ofMinutes(10));
        mongo.insert(new OutboxMessage(
                id,
                Message.Channel.SMS,
                phone,
                "T-CRASH",
                "ETA_MOVED",
                "subject",
                text,
                "SENDING",
                then,
                null,
                null,
                null,
                0,
                null,
                null));
    }

    /** Twilio's list of the newest messages to a number, as its API returns it. */
    private void twilioHas(String phone, String... bodiesAndSids) {
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < bodiesAndSids.length; i += 2) {
            messages.append(i == 0 ? "" : ",")
                    .append("{\"sid\": \"")
                    .append(bodiesAndSids[i + 1])
                    .append("\", \"to\": \"")
                    .append(phone)
                    .append("\", \"body\": \"")
                    .append(bodiesAndSids[i])
                    .append("\", \"status\": \"delivered\", \"date_created\": \"")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                                    .minusMinutes(9)))
                    .append("\"}");
        }
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES))
                .withQueryParam("To", equalTo(phone))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\": [" + messages + "], \"end\": 0, \"first_page_uri\": \"" + MESSAGES
                                + "?To=x&PageSize=50&Page=0\", \"next_page_uri\": null, \"page\": 0,"
                                + " \"page_size\": 50, \"previous_page_uri\": null, \"start\": 0, \"uri\": \""
                                + MESSAGES + "?To=x&PageSize=50&Page=0\"}")));
    }

    @Test
    void aMessageCutOffByACrashBeforeTwilioTookItIsSentLater() {
        twilioAccepts("SM00000000000000000000000000000d01");
        twilioHas("+4520666666", "An older message", "SM00000000000000000000000000000d00");
        cutOffByACrash("crashed:SMS", "+4520666666", "Your sofa is delayed.");

        notifications.retryDue(java.time.Instant.now());
        notifications.retryDue(java.time.Instant.now());

        OutboxMessage sent = mongo.findById("crashed:SMS", OutboxMessage.class);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.providerId()).isEqualTo("SM00000000000000000000000000000d01");
        TWILIO.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B4520666666")));
    }

    @Test
    void aMessageTwilioTookJustBeforeTheProcessDiedIsNotSentAgain() {
        twilioAccepts("SM00000000000000000000000000000d02");
        // The customer got it: Twilio accepted it, and then the process died before recording that.
        twilioHas("+4520777777", "Your sofa is delayed.", "SM00000000000000000000000000000d03");
        cutOffByACrash("taken:SMS", "+4520777777", "Your sofa is delayed.");

        notifications.retryDue(java.time.Instant.now());
        notifications.retryDue(java.time.Instant.now().plus(java.time.Duration.ofHours(3)));

        OutboxMessage sent = mongo.findById("taken:SMS", OutboxMessage.class);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.providerId()).isEqualTo("SM00000000000000000000000000000d03");
        TWILIO.verify(0, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B4520777777")));
    }

    @Test
    void anAnswerLostOnTheWayBackDoesNotMakeASecondMessage() {
        // Twilio takes the message, but the connection breaks before its answer arrives.
        TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(
                        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520888888");
        askForCodeBySms(clients.place(order));
        OutboxMessage uncertain = codeMessage(order.number());
        assertThat(uncertain.status()).isEqualTo("RETRYING");
        assertThat(uncertain.uncertain()).isTrue();
        twilioHas("+4520888888", uncertain.text(), "SM00000000000000000000000000000d04");

        notifications.retryDue(java.time.Instant.now().plus(java.time.Duration.ofHours(2)));

        OutboxMessage sent = codeMessage(order.number());
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.providerId()).isEqualTo("SM00000000000000000000000000000d04");
        TWILIO.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "600")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}")));
        OrderInputs order = anOrder().withoutConfirmation().customer("phone", "+4520999999");
        java.time.Instant asked = java.time.Instant.now();

        askForCodeBySms(clients.place(order));

        OutboxMessage waiting = codeMessage(order.number());
        assertThat(waiting.status()).isEqualTo("RETRYING");
        assertThat(waiting.nextAttemptAt()).isAfterOrEqualTo(asked.plusSeconds(600));
        notifications.retryDue(asked.plusSeconds(300));
        TWILIO.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }
}
