package app.leadline.order;

import java.util.Optional;

/**
 * The person the order belongs to, as the shop knows them.
 *
 * @param locale one of the languages Leadline speaks ({@code en}, {@code da}, {@code de}, {@code pl})
 * @param timeZone an IANA zone, e.g. {@code Europe/Warsaw}
 * @param segment the shop's customer segment, e.g. {@code B2C}
 */
public record Customer(String name, String email, String phone, String locale, String timeZone, String segment) {

    /** The same person, reading messages in another of Leadline's languages. */
    Customer readingIn(String language) {
        return new Customer(name, email, phone, language, timeZone, segment);
    }

    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phone);
    }
}
