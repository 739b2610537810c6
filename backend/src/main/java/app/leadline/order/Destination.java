package app.leadline.order;

/** Where the goods go. {@code country} is ISO 3166 alpha-2. */
public record Destination(String street, String postalCode, String city, String country) {}
