package app.leadline.notification;

import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Renders what an order's intent should tell its customer, in the customer's language (en, da, de, pl): an e-mail
 * always, and an SMS when the shop has a phone number.
 */
@Component
class MessageTemplates {

    private static final Map<String, Map<String, String[]>> TEMPLATES = Map.of(
            "ETA_MOVED",
            Map.of(
                    "en",
                            new String[] {
                                "New delivery date for order %s", "Order %s: %s is now expected %s. Reason: %s"
                            },
                    "da", new String[] {"Ny leveringsdato for ordre %s", "Ordre %s: %s forventes nu %s. Årsag: %s"},
                    "de",
                            new String[] {
                                "Neuer Liefertermin für Bestellung %s",
                                "Bestellung %s: %s wird jetzt %s erwartet. Grund: %s"
                            },
                    "pl",
                            new String[] {
                                "Nowy termin dostawy zamówienia %s", "Zamówienie %s: %s oczekiwany teraz %s. Powód: %s"
                            }),
            "READY_TO_SHIP",
            Map.of(
                    "en",
                            new String[] {
                                "Order %s is ready to ship", "Order %s: %s is ready and will be shipped shortly.%s%s"
                            },
                    "da", new String[] {"Ordre %s er klar til afsendelse", "Ordre %s: %s er klar og sendes snart.%s%s"},
                    "de",
                            new String[] {
                                "Bestellung %s ist versandbereit",
                                "Bestellung %s: %s ist bereit und wird in Kürze versandt.%s%s"
                            },
                    "pl",
                            new String[] {
                                "Zamówienie %s jest gotowe do wysyłki",
                                "Zamówienie %s: %s jest gotowe i wkrótce zostanie wysłane.%s%s"
                            }),
            "SHIPPED",
            Map.of(
                    "en", new String[] {"Order %s has shipped", "Order %s: %s shipped with %s, tracking number %s."},
                    "da", new String[] {"Ordre %s er afsendt", "Ordre %s: %s er afsendt med %s, sporingsnummer %s."},
                    "de",
                            new String[] {
                                "Bestellung %s ist unterwegs",
                                "Bestellung %s: %s wurde mit %s versandt, Sendungsnummer %s."
                            },
                    "pl",
                            new String[] {
                                "Zamówienie %s zostało wysłane",
                                "Zamówienie %s: %s wysłano przez %s, numer przesyłki %s."
                            }));

    /** The messages for one intent; empty for a kind this template set does not know. */
    List<Message> render(Order order, String kind, Map<String, String> details) {
        String language = order.customer().locale();
        Optional<String[]> template = Optional.ofNullable(TEMPLATES.get(kind))
                .map(byLanguage -> byLanguage.getOrDefault(language, byLanguage.get("en")));
        if (template.isEmpty()) {
            return List.of();
        }
        List<OrderLine> lines = Arrays.stream(details.getOrDefault("lines", "").split(","))
                .filter(id -> !id.isBlank())
                .flatMap(id -> order.lines().stream().filter(line -> line.id().equals(id)))
                .toList();
        String names = lines.stream().map(OrderLine::name).collect(Collectors.joining(", "));
        String text = switch (kind) {
            case "ETA_MOVED" ->
                template.get()[1].formatted(
                        order.number(), names, window(lines, language), details.getOrDefault("reason", ""));
            case "SHIPPED" ->
                template.get()[1].formatted(
                        order.number(),
                        names,
                        details.getOrDefault("carrier", ""),
                        details.getOrDefault("trackingNumber", ""));
            default -> template.get()[1].formatted(order.number(), names, "", "");
        };
        String subject = template.get()[0].formatted(order.number());
        List<Message> messages = new java.util.ArrayList<>();
        messages.add(new Message(Message.Channel.EMAIL, order.customer().email(), order.number(), kind, subject, text));
        order.customer()
                .phoneNumber()
                .ifPresent(phone ->
                        messages.add(new Message(Message.Channel.SMS, phone, order.number(), kind, subject, text)));
        return messages;
    }

    private static String window(List<OrderLine> lines, String language) {
        if (lines.isEmpty()) {
            return "";
        }
        LocalDate earliest = lines.stream()
                .map(line -> line.eta().earliest())
                .max(LocalDate::compareTo)
                .orElseThrow();
        LocalDate latest = lines.stream()
                .map(line -> line.eta().latest())
                .max(LocalDate::compareTo)
                .orElseThrow();
        DateTimeFormatter format =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(language));
        return format.format(earliest) + " – " + format.format(latest);
    }
}
