package app.leadline.order;

import java.time.Instant;
import java.util.List;

/**
 * An order as the shop hands it over, before it is checked. Any field may be missing or wrong here;
 * {@link OrderIntake} says which.
 *
 * @param placedAt when the customer placed it; now if absent
 * @param deliveryPreference the customer's choice at checkout; the segment's default if absent
 * @param sendConfirmation whether the customer gets an order confirmation from Leadline; yes if absent, no for
 *     orders handed over from before Leadline
 */
public record NewOrder(
        String number,
        Instant placedAt,
        String currency,
        NewCustomer customer,
        NewDestination destination,
        DeliveryPreference deliveryPreference,
        List<NewLine> lines,
        Boolean sendConfirmation) {

    public record NewCustomer(
            String name, String email, String phone, String locale, String timeZone, String segment) {}

    public record NewDestination(String street, String postalCode, String city, String country) {}

    /**
     * @param unitPrice a decimal in the order's currency, e.g. {@code "129.95"}
     * @param supplier the supplier's code; required for backordered and dropshipped lines
     */
    public record NewLine(
            String sku, String name, Integer quantity, String unitPrice, LineSource source, String supplier) {}
}
