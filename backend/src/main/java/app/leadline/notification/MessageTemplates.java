package app.leadline.notification;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.CustomerNews;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.SystemNote;
import app.leadline.order.TimelineEvent;
import app.leadline.shop.ShopLook;
import app.leadline.shop.ShopLooks;
import app.leadline.shop.ShopProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders what an order's intent should tell its customer, in the customer's language (en, da, de, pl), from the
 * catalogues in {@code notifications/templates_*.properties}: an e-mail (subject, text; the sender adds HTML) and,
 * when the shop has a phone number, an SMS kept within two segments. Channels the customer turned off on the
 * tracking page are left out, except for one-time codes they asked for.
 */
@Component
class MessageTemplates {

    static final List<String> LANGUAGES = List.of("en", "da", "de", "pl");
    static final List<String> KINDS = List.of(
            "CONFIRMED",
            "ETA_MOVED",
            "PAST_PROMISE",
            "CHOICE_NEEDED",
            "READY_TO_SHIP",
            "SHIPPED",
            "DELIVERED",
            "REFUND_APPROVED",
            "REFUND_REJECTED",
            "CANCELLED",
            "VERIFICATION_CODE",
            "TRACKING_LINK");
    /** Messages that go out whatever the customer chose for other messages: they asked for them just now. */
    private static final Set<String> REQUESTED = Set.of("VERIFICATION_CODE", "TRACKING_LINK");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern DOUBLED_FULL_STOP = Pattern.compile("(?<!\\.)\\.\\.(?!\\.)");
    /** A currency's code written against the number, before it or after it ("DKK1,499.00"). */
    private static final Pattern CODE_BEFORE_NUMBER = Pattern.compile("^(\\p{L}+)(\\d)");

    private static final Pattern CODE_AFTER_NUMBER = Pattern.compile("(\\d)(\\p{L}+)$");
    private static final int MAX_SMS_SEGMENTS = 2;

    private final Map<String, Properties> catalogues = new LinkedHashMap<>();
    private final Supplier<ShopLook> shop;

    /** Messages signed with the shop's look in force at the moment each is rendered. */
    @Autowired
    MessageTemplates(ShopLooks looks) {
        this((Supplier<ShopLook>) looks::current);
    }

    /** With a fixed shop profile, for tests and previews of the texts alone. */
    MessageTemplates(ShopProfile profile) {
        this(() -> ShopLook.of(profile));
    }

    /** With the default shop profile. */
    MessageTemplates() {
        this(new ShopProfile(null, null, null, null, null, null));
    }

    private MessageTemplates(Supplier<ShopLook> shop) {
        this.shop = shop;
        for (String language : LANGUAGES) {
            catalogues.put(language, load(language));
        }
    }

    private static Properties load(String language) {
        String path = "/notifications/templates_" + language + ".properties";
        try (InputStream in = MessageTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing message catalogue " + path);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Properties> catalogues() {
        return catalogues;
    }

    /** The messages that tell the customer the news, in the catalogue's words for its kind. */
    List<Message> render(Order order, CustomerNews news, Optional<String> link) {
        return render(order, news.storedKind(), news.storedDetails(), link);
    }

    /**
     * The messages for one intent, or none for a kind there is no template for.
     *
     * @param details the intent's details (lines, reason, carrier, …)
     * @param link the customer's tracking link, when it can be rebuilt
     */
    List<Message> render(Order order, String kind, Map<String, String> details, Optional<String> link) {
        if (!KINDS.contains(kind)) {
            return List.of();
        }
        String language = catalogues.containsKey(order.customer().locale())
                ? order.customer().locale()
                : "en";
        Properties texts = catalogues.get(language);
        List<OrderLine> lines = linesOf(order, kind, details);
        Map<String, String> values = new LinkedHashMap<>(details);
        values.put("order", order.number());
        // A code says whose it is: the shop's name, as the e-mail's signature has it.
        values.put("shop", shop.get().name());
        values.put("amount", money(details.getOrDefault("amount", ""), order.currency(), language));
        values.put("lines", names(lines, texts));
        EtaWindow window = windowOf(order, kind, lines);
        values.put("window", window == null ? "" : format(window, language, FormatStyle.MEDIUM, " – "));
        // A reason ends as a sentence does, whoever wrote it ("Sorry for the long wait" is followed by the link).
        values.put("reason", sentence(values.getOrDefault("reason", "")));
        if (CustomerNews.RUNNING_LATE.equals(details.get("delay"))) {
            // Nobody gave a reason: time overtook the promise, and the customer reads that in their language. Items
            // that only wait to leave our warehouse are not the supplier's to blame; a message of both says both.
            long ours = lines.stream().filter(OrderLine::isReadyToLeave).count();
            String reason = ours == 0
                    ? "reason.runningLate"
                    : ours == lines.size() ? "reason.runningLateWarehouse" : "reason.runningLateMixed";
            values.put("reason", texts.getProperty(reason));
        } else if (values.get("reason").isEmpty() && !lines.isEmpty()) {
            // Dates Leadline moved without a supplier's word: a delay logged by mistake, taken back (the customer who
            // was told of it reads that it was a mistake), or the purchase order the items waited for called off.
            correctionOf(order, lines)
                    .map(CORRECTION_REASONS::get)
                    .ifPresent(reason -> values.put("reason", texts.getProperty(reason)));
        }
        if ("CONFIRMED".equals(kind)) {
            values.put(
                    "lines",
                    lines.stream()
                            .map(line -> confirmedLine(order, line, texts, language))
                            .map(text -> "- " + text)
                            .collect(Collectors.joining("\n")));
        }
        // Items the customer was told were ready, by mistake (the receipt was taken back): the message says so first.
        List<OrderLine> corrected = linesOf(order, details.getOrDefault("corrected", ""));
        values.put("corrected", names(corrected, texts));
        String correction = corrected.isEmpty() ? "" : "correction";
        String subject = fill(texts.getProperty(kind + ".subject"), values);
        // A move nobody gave a reason for (a delay withdrawn, a receipt taken back) reads without an empty "Reason:".
        String told = values.get("reason").isBlank() && texts.containsKey(kind + ".noReason.email")
                ? kind + ".noReason"
                : kind;
        // Several items take the verb in the plural ("are ready", "sind bereit"), where the language has one.
        String body = lines.size() > 1 && texts.containsKey(told + ".plural.email") ? told + ".plural" : told;
        List<Message> messages = new ArrayList<>();
        boolean requested = REQUESTED.contains(kind);
        if (requested || order.receives("EMAIL")) {
            String text = (correction.isEmpty() ? "" : fill(texts.getProperty(correction + ".email"), values) + "\n")
                    + fill(texts.getProperty(body + ".email"), values)
                    + link.filter(url -> !requested)
                            .map(url -> "\n" + fill(texts.getProperty("link.email"), Map.of("link", url)))
                            .orElse("")
                    + "\n\n" + signature(texts);
            messages.add(
                    new Message(Message.Channel.EMAIL, order.customer().email(), order.number(), kind, subject, text));
        }
        Optional<String> phone = order.customer().phoneNumber();
        if (phone.isPresent() && (requested || order.receives("SMS"))) {
            messages.add(new Message(
                    Message.Channel.SMS,
                    phone.get(),
                    order.number(),
                    kind,
                    subject,
                    sms(
                            texts,
                            correction,
                            body,
                            values,
                            lines.size(),
                            window,
                            language,
                            requested ? Optional.empty() : link)));
        }
        return messages;
    }

    /** The shop's name under every e-mail, with where its customer service is reached. */
    private String signature(Properties texts) {
        ShopLook shop = this.shop.get();
        List<String> contacts = new ArrayList<>();
        shop.contactEmail().ifPresent(contacts::add);
        shop.contactPhone().ifPresent(contacts::add);
        shop.help().ifPresent(contacts::add);
        return contacts.isEmpty()
                ? shop.name()
                : shop.name() + "\n"
                        + fill(texts.getProperty("contact.email"), Map.of("contacts", String.join(" · ", contacts)));
    }

    /** The SMS: numeric dates, and several items' names replaced by their count when they would take a third segment. */
    private String sms(
            Properties texts,
            String correction,
            String template,
            Map<String, String> values,
            int lineCount,
            EtaWindow window,
            String language,
            Optional<String> link) {
        Map<String, String> short_ = new LinkedHashMap<>(values);
        if (SmsSegments.gsm(texts.getProperty(template + ".sms"))) {
            // A text written for GSM-7 stays GSM-7 with what is filled in (a reason, an item's name).
            short_.replaceAll((name, value) -> SmsSegments.plain(value));
        }
        short_.put("window", window == null ? "" : format(window, language, FormatStyle.SHORT, "-"));
        String linkPart = link.map(url -> " " + fill(texts.getProperty("link.sms"), Map.of("link", url)))
                .orElse("");
        String first = correction.isEmpty() ? "" : texts.getProperty(correction + ".sms") + " ";
        // A note left empty leaves no space behind it.
        String text = first + fill(texts.getProperty(template + ".sms"), short_).strip() + linkPart;
        // One item keeps its name: "1 items" says less and saves little.
        if (SmsSegments.count(text) > MAX_SMS_SEGMENTS && lineCount > 1) {
            short_.put("lines", fill(texts.getProperty("items"), Map.of("count", String.valueOf(lineCount))));
            text = first + fill(texts.getProperty(template + ".sms"), short_).strip() + linkPart;
        }
        return text;
    }

    /** The text with a full stop at its end unless it ends as a sentence already (or is empty). */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?…".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }

    /** The lines a message is about: those the intent names, or all open ones for a confirmation. */
    private static List<OrderLine> linesOf(Order order, String kind, Map<String, String> details) {
        if ("CONFIRMED".equals(kind)) {
            return order.lines();
        }
        return linesOf(order, details.getOrDefault("lines", ""));
    }

    /** The order's lines by their ids, comma-separated. */
    private static List<OrderLine> linesOf(Order order, String ids) {
        return Arrays.stream(ids.split(","))
                .filter(id -> !id.isBlank())
                .flatMap(id -> order.lines().stream().filter(line -> line.id().equals(id)))
                .toList();
    }

    private static String names(List<OrderLine> lines, Properties texts) {
        return itemList(lines.stream().map(OrderLine::name).toList(), texts.getProperty("list.and"));
    }

    /**
     * Names as one list, "Oslo sofa, Rhein lamp and Vase" with the language's {@code and}; as the page lists them, a
     * name with a comma of its own ("Linen cushion cover, 2 pcs") turns the commas between names into semicolons.
     */
    static String itemList(List<String> names, String and) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        String between = names.stream().anyMatch(name -> name.contains(",")) ? "; " : ", ";
        return String.join(between, names.subList(0, names.size() - 1)) + " " + and + " " + names.get(names.size() - 1);
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        // A value that ends a sentence ("…behind schedule.", "31. dec.") before the template's own full stop.
        return DOUBLED_FULL_STOP.matcher(out).replaceAll(".").strip();
    }

    /**
     * When the lines reach the customer, the last of them, as the page says it (an item that waits for the order's one
     * delivery comes when that does); for a confirmation, when the order as chosen arrives.
     */
    private static EtaWindow windowOf(Order order, String kind, List<OrderLine> lines) {
        if ("CONFIRMED".equals(kind)) {
            return order.eta();
        }
        return lines.isEmpty()
                ? null
                : EtaWindow.allOf(
                        lines.stream().map(line -> order.arrivalOf(line.id())).toList());
    }

    private static String format(EtaWindow window, String language, FormatStyle style, String between) {
        DateTimeFormatter format = dates(style, locale(language));
        LocalDate earliest = window.earliest();
        return earliest.equals(window.latest())
                ? format.format(earliest)
                : format.format(earliest) + between + format.format(window.latest());
    }

    /** The reason each correction gives the customer, a key of the templates. */
    private static final Map<String, String> CORRECTION_REASONS = Map.of(
            SystemNote.DELAY_WITHDRAWN, "reason.withdrawn",
            SystemNote.PURCHASE_ORDER_CANCELLED, "reason.purchaseOrderCancelled");

    /** The correction that last moved every one of the lines' dates, where one did and it is the same for all. */
    /**
     * An item of the confirmation: when it reaches the customer (with the one delivery, if it waits for it), and, where
     * that is its own window learned from its supplier's record, how sure that is, as the page says it.
     */
    private static String confirmedLine(Order order, OrderLine line, Properties texts, String language) {
        EtaWindow shown = order.arrivalOf(line.id());
        String text = fill(
                texts.getProperty("line." + line.source()),
                Map.of("name", line.name(), "window", format(shown, language, FormatStyle.MEDIUM, " – ")));
        Double confidence = line.eta().confidence();
        boolean own = shown.earliest().equals(line.eta().earliest())
                && shown.latest().equals(line.eta().latest());
        return confidence == null || !own
                ? text
                : text + " "
                        + fill(
                                texts.getProperty("line.confidence"),
                                Map.of("n", String.valueOf(Math.round(confidence * 10))));
    }

    private static Optional<String> correctionOf(Order order, List<OrderLine> lines) {
        Set<Optional<String>> corrections = new HashSet<>();
        for (OrderLine line : lines) {
            TimelineEvent last = null;
            for (TimelineEvent event : order.timeline()) {
                if (event.type() == TimelineEvent.Type.ETA_MOVED
                        && line.id().equals(event.details().get("line"))) {
                    last = event;
                }
            }
            corrections.add(last == null ? Optional.empty() : last.correction());
        }
        return corrections.size() == 1 ? corrections.iterator().next() : Optional.empty();
    }

    /**
     * An amount in the customer's language's way with the order's currency, as their tracking page writes it
     * ("£499.00", "1.499,00 kr.", "DKK 1,499.00"), with ordinary spaces: the no-break space the formats put between
     * amount and symbol is not in GSM-7, and would send an SMS as UCS-2 (70 characters a segment instead of 160). A
     * currency written as its code stands a space apart from the number, as the page's formats (CLDR's currency
     * spacing) have it; Java's do not. Polish groups digits only from five of them on (1499,00 zł, 12 345,00 zł), as
     * CLDR's minimum grouping digits and so the page have it; Java's formats group four.
     */
    static String money(String amount, String currency, String language) {
        if (amount.isBlank()) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(language));
        format.setCurrency(Currency.getInstance(currency));
        BigDecimal value = new BigDecimal(amount);
        if ("pl".equals(language) && value.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            format.setGroupingUsed(false);
        }
        String written = format.format(value).replace('\u00a0', ' ').replace('\u202f', ' ');
        return CODE_AFTER_NUMBER
                .matcher(CODE_BEFORE_NUMBER.matcher(written).replaceFirst("$1 $2"))
                .replaceFirst("$1 $2");
    }

    /**
     * The language's dates in the style, always with the year in full: German's short style writes "05.01.27", which
     * reads as well as a day of 1927 or 2027, where the other languages write 2027.
     */
    private static DateTimeFormatter dates(FormatStyle style, Locale locale) {
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                style, null, java.time.chrono.IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern.replaceAll("(?<!y)yy(?!y)", "yyyy"), locale);
    }

    private static Locale locale(String language) {
        return switch (language) {
            case "da" -> Locale.forLanguageTag("da-DK");
            case "de" -> Locale.forLanguageTag("de-DE");
            case "pl" -> Locale.forLanguageTag("pl-PL");
            default -> Locale.forLanguageTag("en-GB");
        };
    }
}
