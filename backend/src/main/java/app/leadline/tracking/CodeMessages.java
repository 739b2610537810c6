package app.leadline.tracking;

import java.util.Map;

/** The one-time code message in the customer's language. */
final class CodeMessages {

    private static final Map<String, String> SUBJECT = Map.of(
            "en", "Your code for order %s",
            "da", "Din kode til ordre %s",
            "de", "Ihr Code für Bestellung %s",
            "pl", "Twój kod do zamówienia %s");

    private static final Map<String, String> TEXT = Map.of(
            "en",
                    "Your Leadline code is %s. It confirms changes to order %s and expires in 10 minutes. Never share it.",
            "da",
                    "Din Leadline-kode er %s. Den bekræfter ændringer af ordre %s og udløber om 10 minutter. Del den aldrig.",
            "de",
                    "Ihr Leadline-Code ist %s. Er bestätigt Änderungen an Bestellung %s und läuft in 10 Minuten ab. Geben Sie ihn nie weiter.",
            "pl",
                    "Twój kod Leadline to %s. Potwierdza zmiany w zamówieniu %s i wygasa za 10 minut. Nikomu go nie podawaj.");

    private CodeMessages() {}

    static String subject(String language, String orderNumber) {
        return SUBJECT.getOrDefault(language, SUBJECT.get("en")).formatted(orderNumber);
    }

    static String text(String language, String code, String orderNumber) {
        return TEXT.getOrDefault(language, TEXT.get("en")).formatted(code, orderNumber);
    }
}
