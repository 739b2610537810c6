package app.leadline.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's shipping terms, from configuration ({@code leadline.shipping.*}).
 *
 * @param currencies the currencies the shop sells in (ISO 4217); the console asks for a segment's fee in each
 * @param extraParcelFees what each parcel beyond the first costs, per currency, where a segment sets none; a
 *     currency not listed ships extra parcels free
 */
@ConfigurationProperties("leadline.shipping")
record ShippingProperties(List<String> currencies, Map<String, BigDecimal> extraParcelFees) {

    ShippingProperties {
        Map<String, BigDecimal> fees = new TreeMap<>();
        if (extraParcelFees != null) {
            extraParcelFees.forEach((currency, fee) -> fees.put(currency.toUpperCase(Locale.ROOT), fee));
        }
        extraParcelFees = Map.copyOf(fees);
        currencies = currencies == null
                ? List.of("DKK", "EUR", "PLN", "GBP")
                : currencies.stream()
                        .map(currency -> currency.toUpperCase(Locale.ROOT))
                        .toList();
    }

    BigDecimal extraParcelFee(String currency) {
        return extraParcelFees.getOrDefault(currency, BigDecimal.ZERO);
    }
}
