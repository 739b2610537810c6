package app.leadline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.Order;
import app.leadline.order.SampleOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message in every language: complete, filled in, and short enough as an SMS. */
class MessageTemplatesTests {

    private final MessageTemplates templates = new MessageTemplates();

    @ParameterizedTest
    @ValueSource(strings = {"da", "de", "pl"})
    void everyLanguageHasEveryText(String language) {
        Properties english = templates.catalogues().get("en");
        Properties other = templates.catalogues().get(language);
        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String kind : MessageTemplates.KINDS) {
            assertThat(other.stringPropertyNames()).contains(kind + ".subject", kind + ".email", kind + ".sms");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "pl"})
    void everyMessageIsFilledInAndEverySmsFitsTwoGsmSegments(String language) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        String reason = templates.catalogues().get(language).getProperty("sample.reason");
        Optional<String> link = Optional.of("https://track.shop.example/t/" + "x".repeat(43));
        for (String kind : MessageTemplates.KINDS) {
            var messages = templates.render(order, kind, MessagePreviews.sampleDetails(kind, reason), link);
            assertThat(messages).as(kind).hasSize(2);
            for (Message message : messages) {
                assertThat(message.subject() + message.text())
                        .as(kind + " " + message.channel())
                        .doesNotContainPattern("\\{\\w+}")
                        .contains(order.number());
                if (message.channel() == Message.Channel.SMS) {
                    assertThat(SmsSegments.gsm(message.text()))
                            .as("GSM-7 only: " + message.text())
                            .isTrue();
                    assertThat(SmsSegments.count(message.text()))
                            .as(message.text())
                            .isLessThanOrEqualTo(2);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "pl"})
    void aDatesMessageAboutItemsToldReadyByMistakeSaysSoFirstAndItsSmsStillFits(String language) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        Properties texts = templates.catalogues().get(language);
        Map<String, String> details =
                new java.util.HashMap<>(MessagePreviews.sampleDetails("ETA_MOVED", texts.getProperty("sample.reason")));
        details.put("corrected", "L2");
        Optional<String> link = Optional.of("https://track.shop.example/t/" + "x".repeat(43));

        List<Message> messages = templates.render(order, "ETA_MOVED", details, link);

        String item = order.line("L2").name();
        assertThat(messages).hasSize(2).allSatisfy(message -> {
            if (message.channel() == Message.Channel.EMAIL) {
                assertThat(message.text())
                        .startsWith(texts.getProperty("correction.email").replace("{corrected}", item) + "\n");
            } else {
                assertThat(message.text()).startsWith(texts.getProperty("correction.sms"));
                assertThat(SmsSegments.gsm(message.text())).as(message.text()).isTrue();
                assertThat(SmsSegments.count(message.text())).as(message.text()).isLessThanOrEqualTo(2);
            }
        });
        // Without it, the same news says nothing of a mistake.
        assertThat(templates.render(order, "ETA_MOVED", MessagePreviews.sampleDetails("ETA_MOVED", "x"), link))
                .allSatisfy(
                        message -> assertThat(message.text()).doesNotStartWith(texts.getProperty("correction.sms")));
    }

    @Test
    void theItemsAMessageNamesReadAsAListInTheCustomersLanguage() {
        Order order = SampleOrder.in("de", Instant.parse("2026-11-23T10:00:00Z"));

        var messages = templates.render(
                order,
                "SHIPPED",
                Map.of("lines", "L1,L2,L3", "carrier", "DHL", "trackingNumber", "1"),
                Optional.empty());

        assertThat(messages)
                .extracting(Message::text)
                .allSatisfy(text -> assertThat(text).contains("Linen cushion, Oslo 3-seat sofa und Rhein floor lamp"));
    }

    @Test
    void anItemWhoseNameHasACommaStaysOneItemInTheList() {
        assertThat(MessageTemplates.itemList(List.of("Vase", "Linen cushion cover, 2 pcs", "Oslo sofa"), "and"))
                .isEqualTo("Vase; Linen cushion cover, 2 pcs and Oslo sofa");
        assertThat(MessageTemplates.itemList(List.of("Linen cushion cover, 2 pcs", "Oslo sofa"), "and"))
                .isEqualTo("Linen cushion cover, 2 pcs and Oslo sofa");
        assertThat(MessageTemplates.itemList(List.of("Oslo sofa", "Vase"), "og"))
                .isEqualTo("Oslo sofa og Vase");
        assertThat(MessageTemplates.itemList(List.of("Oslo sofa"), "og")).isEqualTo("Oslo sofa");
    }

    @Test
    void aShippedMessageSpeaksOfTheParcelNotOfTheWholeOrderHavingShipped() {
        Order order = SampleOrder.in("en", Instant.parse("2026-11-23T10:00:00Z"));
        String reason = templates.catalogues().get("en").getProperty("sample.reason");

        var messages =
                templates.render(order, "SHIPPED", MessagePreviews.sampleDetails("SHIPPED", reason), Optional.empty());

        assertThat(messages)
                .extracting(Message::subject)
                .containsOnly("A parcel of order " + order.number() + " is on its way");
    }

    @Test
    void severalItemsTakeTheVerbInThePlural() {
        Order english = SampleOrder.in("en", Instant.parse("2026-11-23T10:00:00Z"));
        Order german = SampleOrder.in("de", Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(emailOf(english, "READY_TO_SHIP", Map.of("lines", "L1,L2"))).contains(" are ready and will be");
        assertThat(emailOf(english, "READY_TO_SHIP", Map.of("lines", "L2"))).contains(" is ready and will be");
        assertThat(emailOf(german, "READY_TO_SHIP", Map.of("lines", "L1,L2")))
                .contains(" sind bereit und werden in Kürze versandt");
        assertThat(emailOf(german, "ETA_MOVED", Map.of("lines", "L1,L2", "reason", "Streik.", "shiftDays", "3")))
                .contains(" werden jetzt ");
        assertThat(emailOf(german, "ETA_MOVED", Map.of("lines", "L2", "reason", "Streik.", "shiftDays", "3")))
                .contains(" wird jetzt ");
    }

    @Test
    void anItemThatWaitsForTheOrdersOneDeliveryIsSaidToComeWhenThatDoesAsThePageSaysIt() {
        // The cushion is in stock, but the customer waits for one delivery with the sofa, three weeks later.
        Order order = SampleOrder.in("en", Instant.parse("2026-11-23T10:00:00Z"));
        Map<String, String> cushion = Map.of("lines", "L1", "reason", "Strike.", "shiftDays", "3");
        Map<String, String> sofa = Map.of("lines", "L2", "reason", "Strike.", "shiftDays", "3");

        assertThat(windowIn(emailOf(order, "ETA_MOVED", cushion)))
                .isEqualTo(windowIn(emailOf(order, "ETA_MOVED", sofa)))
                .contains(String.valueOf(order.line("L2").eta().latest().getDayOfMonth()));
    }

    @Test
    void theConfirmationSaysEachItemComesWhenItReachesTheCustomerWithTheOneDeliveryIfItWaitsForIt() {
        Order order = SampleOrder.in("en", Instant.parse("2026-11-23T10:00:00Z"));

        String email = emailOf(order, "CONFIRMED", Map.of());

        String cushion = email.lines()
                .filter(line -> line.startsWith("- Linen cushion"))
                .findFirst()
                .orElseThrow();
        String sofa = email.lines()
                .filter(line -> line.startsWith("- Oslo 3-seat sofa"))
                .findFirst()
                .orElseThrow();
        assertThat(cushion.substring(cushion.indexOf("expected ")))
                .as("the cushion in stock comes with the sofa, in the order's one delivery")
                .isEqualTo(sofa.substring(sofa.indexOf("expected ")));
    }

    @Test
    void theConfirmationSaysHowSureAnItemsOwnLearnedWindowIsAsThePageDoesInEachLanguage() {
        Map<String, String> said = Map.of(
                "en", "(8 in 10 orders like this arrive in this window)",
                "da", "(8 ud af 10 ordrer som denne når frem i dette tidsrum)",
                "de", "(8 von 10 Bestellungen wie diese kommen in diesem Zeitraum an)",
                "pl", "(8 na 10 takich zamówień dociera w tym terminie)");
        said.forEach((language, sentence) -> {
            String email =
                    emailOf(SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z")), "CONFIRMED", Map.of());
            // The lamp comes from its supplier in a parcel of its own, in its learned window; the cushion and the sofa
            // come in the order's one delivery, whose window is not the one learned.
            assertThat(email.lines().filter(line -> line.startsWith("- ")))
                    .as(language)
                    .hasSize(3)
                    .filteredOn(line -> line.endsWith(" " + sentence))
                    .singleElement()
                    .satisfies(line -> assertThat(line).startsWith("- Rhein floor lamp"));
        });
    }

    /** The window a dates message names: what follows "expected " up to the reason. */
    private static String windowIn(String email) {
        return email.substring(email.indexOf("expected ") + "expected ".length(), email.indexOf(". Reason"));
    }

    @Test
    void aTextMessageWritesItsDatesWithTheYearInFullInEveryLanguage() {
        for (String language : java.util.List.of("en", "da", "de", "pl")) {
            Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
            String sms = templates
                    .render(order, "ETA_MOVED", Map.of("lines", "L2", "reason", "", "shiftDays", "3"), Optional.empty())
                    .stream()
                    .filter(message -> message.channel() == Message.Channel.SMS)
                    .findFirst()
                    .orElseThrow()
                    .text();
            // German's short dates wrote "17.12.26": a day of 1926 as well as of 2026.
            assertThat(sms).as(language).contains("2026").doesNotMatch("(?s).*\\d{2}\\.\\d{2}\\.\\d{2}(?!\\d).*");
        }
    }

    private String emailOf(Order order, String kind, Map<String, String> details) {
        return templates.render(order, kind, details, Optional.empty()).stream()
                .filter(message -> message.channel() == Message.Channel.EMAIL)
                .findFirst()
                .orElseThrow()
                .text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "pl"})
    void noMessageEndsASentenceTwiceWhenTheReasonAlreadyEndsIt(String language) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        String reason = templates.catalogues().get(language).getProperty("sample.reason");
        assertThat(reason).endsWith(".");
        for (String kind : MessageTemplates.KINDS) {
            for (Message message :
                    templates.render(order, kind, MessagePreviews.sampleDetails(kind, reason), Optional.empty())) {
                assertThat(message.subject() + "\n" + message.text())
                        .as(kind + " " + message.channel())
                        .doesNotContainPattern("(?<!\\.)\\.\\.(?!\\.)");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "pl"})
    void aReasonWrittenWithoutAFullStopEndsAsASentenceBeforeWhatFollowsIt(String language) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        List<String> told = new ArrayList<>();
        for (String kind : MessageTemplates.KINDS) {
            for (Message message : templates.render(
                    order,
                    kind,
                    MessagePreviews.sampleDetails(kind, "Sorry for the long wait"),
                    Optional.of("https://shop.example/t/abc"))) {
                if (message.text().contains("Sorry for the long wait")) {
                    told.add(kind + " " + message.channel() + ": " + message.text());
                }
            }
        }
        // The refund's and the delays' messages carry it, by e-mail and SMS, each time with its full stop.
        assertThat(told)
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(text -> assertThat(text).doesNotContainPattern("Sorry for the long wait(?!\\.)"));
        assertThat(MessageTemplates.sentence("Is it late? ")).isEqualTo("Is it late?");
        assertThat(MessageTemplates.sentence("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "pl"})
    void aLineRunningLateIsExplainedInTheCustomersLanguageAndTheSmsStillFits(String language) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        String explained = templates.catalogues().get(language).getProperty("reason.runningLate");
        // The lamp its supplier has not sent.
        var news = new app.leadline.order.CustomerNews.PastPromise(
                app.leadline.order.CustomerNews.RUNNING_LATE, java.util.List.of("L3"), "", 9);

        var messages = templates.render(order, news, Optional.of("https://track.shop.example/t/" + "x".repeat(43)));

        // The e-mail says it as written, accents and all; the SMS in the letters an SMS carries.
        assertThat(messages)
                .hasSize(2)
                .allSatisfy(message -> assertThat(message.text())
                        .contains(message.channel() == Message.Channel.SMS ? SmsSegments.plain(explained) : explained));
        assertThat(messages)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(sms -> {
                    assertThat(SmsSegments.gsm(sms.text())).as(sms.text()).isTrue();
                    assertThat(SmsSegments.count(sms.text())).as(sms.text()).isLessThanOrEqualTo(2);
                });
    }

    /**
     * Why lines the promise watch moved are late, told once under one "Reason:": the cushion in stock and the sofa
     * in are late leaving our warehouse, which is not the supplier's to blame; the lamp its supplier sends has no new
     * date; a message of both says both.
     */
    @ParameterizedTest
    @CsvSource({
        "en, L1 L2, reason.runningLateWarehouse",
        "da, L1 L2, reason.runningLateWarehouse",
        "de, L1 L2, reason.runningLateWarehouse",
        "pl, L1 L2, reason.runningLateWarehouse",
        "en, L3, reason.runningLate",
        "pl, L3, reason.runningLate",
        "en, L1 L3, reason.runningLateMixed",
        "da, L1 L3, reason.runningLateMixed",
        "de, L1 L3, reason.runningLateMixed",
        "pl, L1 L3, reason.runningLateMixed"
    })
    void linesRunningLateAreToldWhyOnceUnderOneReasonLabel(String language, String lineIds, String reason) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        java.util.Properties texts = templates.catalogues().get(language);
        var news = new app.leadline.order.CustomerNews.PastPromise(
                app.leadline.order.CustomerNews.RUNNING_LATE, java.util.List.of(lineIds.split(" ")), "", 3);

        var messages = templates.render(order, news, Optional.of("https://track.shop.example/t/" + "x".repeat(43)));

        java.util.List<String> others = java.util.stream.Stream.of(
                        "reason.runningLate", "reason.runningLateWarehouse", "reason.runningLateMixed")
                .filter(key -> !key.equals(reason))
                .map(texts::getProperty)
                .toList();
        assertThat(messages)
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(email -> assertThat(email.text())
                        .contains(texts.getProperty(reason))
                        .doesNotContain(others)
                        // "Reason: Running late: …" said the label twice.
                        .doesNotContainPattern("(Reason|Årsag|Grund|Powód): \\p{L}+( \\p{L}+)?:"));
        assertThat(messages)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(sms ->
                        assertThat(SmsSegments.count(sms.text())).as(sms.text()).isLessThanOrEqualTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "da", "de", "pl"})
    void aMoveNobodyGaveAReasonForReadsWithoutAnEmptyReason(String language) {
        Order order = SampleOrder.in(language, Instant.parse("2026-11-23T10:00:00Z"));
        Optional<String> link = Optional.of("https://track.shop.example/t/" + "x".repeat(43));
        // A delay withdrawn: the news is the date itself.
        for (var news : java.util.List.of(
                new app.leadline.order.CustomerNews.DatesMoved("withdrawn-delay", java.util.List.of("L2"), "", 9),
                new app.leadline.order.CustomerNews.PastPromise("withdrawn-delay", java.util.List.of("L2"), "", 9))) {
            var messages = templates.render(order, news, link);
            assertThat(messages)
                    .hasSize(2)
                    .allSatisfy(message -> assertThat(message.text())
                            .as(message.channel() + " " + message.text())
                            .doesNotContainPattern("(Reason|Årsag|Grund|Powód|Powod):")
                            .doesNotContainPattern("\\{\\w+}")
                            .contains(order.number()));
        }
    }

    @Test
    void aReasonWithLettersGsmLacksKeepsThePolishSmsInGsmAndItsItemsNamed() {
        Order order = SampleOrder.in("pl", Instant.parse("2026-11-23T10:00:00Z"));
        // The built-in reason as Polish customers read it on their page and in e-mails, with its accents.
        String reason = "Produkcja u dostawcy jest opóźniona.";

        var messages = templates.render(
                order, "ETA_MOVED", MessagePreviews.sampleDetails("ETA_MOVED", reason), Optional.empty());

        assertThat(messages)
                .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                .singleElement()
                .satisfies(email -> assertThat(email.text()).contains(reason));
        assertThat(messages)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(sms -> {
                    assertThat(sms.text()).contains("Produkcja u dostawcy jest opozniona.");
                    assertThat(SmsSegments.gsm(sms.text())).as(sms.text()).isTrue();
                    assertThat(sms.text()).doesNotContain("produkty:");
                });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | GBP | £1,499.00",
                "da | DKK | 1.499,00 kr.",
                "de | EUR | 1.499,00 €",
                "pl | PLN | 1499,00 zł",
                "en | DKK | DKK 1,499.00"
            })
    void amountsAreWrittenInTheCustomersLanguageWithTheOrdersCurrency(
            String language, String currency, String written) {
        assertThat(MessageTemplates.money("1499.00", currency, language)).isEqualTo(written);
    }

    @Test
    void polishAmountsAreGroupedFromFiveDigitsOnAsTheCustomersPageGroupsThem() {
        assertThat(MessageTemplates.money("12345.00", "PLN", "pl")).isEqualTo("12 345,00 zł");
        assertThat(MessageTemplates.money("-1499.00", "PLN", "pl")).isEqualTo("-1499,00 zł");
    }

    @Test
    void aRefundTellsItsAmountAsTheCustomersPageDoesAndItsSmsStaysInGsm() {
        Order order = SampleOrder.in("da", Instant.parse("2026-11-23T10:00:00Z"));

        var messages = templates.render(
                order, "REFUND_APPROVED", MessagePreviews.sampleDetails("REFUND_APPROVED", ""), Optional.empty());

        assertThat(messages)
                .hasSize(2)
                .allSatisfy(message -> assertThat(message.text())
                        .as(message.channel().toString())
                        .contains("1.499,00 kr.")
                        .doesNotContain("DKK"));
        assertThat(messages)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(sms ->
                        assertThat(SmsSegments.gsm(sms.text())).as(sms.text()).isTrue());
    }

    @Test
    void lettersGsmLacksAreWrittenPlainAndOthersKept() {
        assertThat(SmsSegments.plain("Łódź, zażółć gęślą jaźń")).isEqualTo("Lodz, zazolc gesla jazn");
        assertThat(SmsSegments.plain("Søren Ærø, Müller")).isEqualTo("Søren Ærø, Müller");
        // A picture is left out (the e-mail and the page keep it); letters of other scripts are kept.
        assertThat(SmsSegments.plain("Sofa 🛋")).isEqualTo("Sofa");
        assertThat(SmsSegments.plain("Sturm über der Ostsee 🌊.")).isEqualTo("Sturm über der Ostsee.");
        assertThat(SmsSegments.plain("Thanks 👍🏽, see you ❤️ soon")).isEqualTo("Thanks, see you soon");
        assertThat(SmsSegments.plain("Шторм")).isEqualTo("Шторм");
        // What a keyboard or a phone types for a dash, quotes, an ellipsis, a space that does not break.
        assertThat(SmsSegments.plain("Sorry – it\u2019s \u201Elate\u201C\u2026 see GLS\u00A0987 — today"))
                .isEqualTo("Sorry - it's \"late\"... see GLS 987 - today");
    }

    @Test
    void aRefundDecisionsSmsCarriesTheAgentsWordsPlainAndNamesTheOneItemEvenWhenLong() {
        Order order = SampleOrder.in("en", Instant.parse("2026-11-23T10:00:00Z"));
        String refused = "The desk was delivered on time per the carrier — see parcel GLS-987654321, handed over"
                + " on Tuesday at the door, signed for by the customer, as the carrier’s record shows.";
        String approved = "Sorry for the wait — the money is on its way.";

        var rejection = templates.render(
                order, "REFUND_REJECTED", MessagePreviews.sampleDetails("REFUND_REJECTED", refused), Optional.empty());
        var approval = templates.render(
                order, "REFUND_APPROVED", MessagePreviews.sampleDetails("REFUND_APPROVED", approved), Optional.empty());

        assertThat(rejection)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(sms -> assertThat(sms.text())
                        .startsWith("Order SAMPLE-1042: we cannot refund Rhein floor lamp. Reason: The desk was")
                        .contains("carrier - see parcel GLS-987654321", "carrier's record")
                        .doesNotContain("1 items"));
        assertThat(approval)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .singleElement()
                .satisfies(sms -> assertThat(sms.text())
                        .isEqualTo("Order SAMPLE-1042: we are refunding DKK 1,499.00 for Rhein floor lamp. Sorry for"
                                + " the wait - the money is on its way."));
        assertThat(approval)
                .filteredOn(message -> message.channel() == Message.Channel.SMS)
                .allSatisfy(sms -> assertThat(SmsSegments.gsm(sms.text())).isTrue());
    }

    @Test
    void everyEmailIsSignedByTheShopWithWhereItsCustomerServiceIsReached() {
        var shop = new app.leadline.shop.ShopProfile(
                "Nordhavn Living", null, null, "help@nordhavn.example", "+45 70 12 34 56", null);
        Order order = SampleOrder.in("da", Instant.parse("2026-11-23T10:00:00Z"));
        for (String kind : MessageTemplates.KINDS) {
            var messages = new MessageTemplates(shop)
                    .render(order, kind, MessagePreviews.sampleDetails(kind, "Forsinket."), Optional.empty());
            assertThat(messages)
                    .filteredOn(message -> message.channel() == Message.Channel.EMAIL)
                    .singleElement()
                    .satisfies(email -> assertThat(email.text())
                            .as(kind)
                            .endsWith("\n\nNordhavn Living\n"
                                    + "Spørgsmål? Kundeservice: help@nordhavn.example · +45 70 12 34 56"));
        }
    }

    @Test
    void smsSegmentsAreCountedAsPhonesCountThem() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("ż".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("ż".repeat(71))).isEqualTo(2);
    }
}
