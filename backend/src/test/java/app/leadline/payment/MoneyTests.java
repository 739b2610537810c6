package app.leadline.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void anAmountTakesItsCurrencysScale() {
        assertThat(Money.of("1499", "DKK").toPlainString()).isEqualTo("1499.00");
        assertThat(Money.of("129.9", "EUR").toPlainString()).isEqualTo("129.90");
        assertThat(Money.of("0", "PLN").toPlainString()).isEqualTo("0.00");
        assertThat(Money.of("12.50", "GBP").toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("1500", "JPY").toPlainString()).isEqualTo("1500");
    }

    @Test
    void amountsWrittenWithDifferentTrailingZerosAreEqual() {
        assertThat(Money.of("49", "DKK")).isEqualTo(Money.of("49.00", "DKK"));
        assertThat(Money.of("49", "DKK")).isNotEqualTo(Money.of("49", "EUR"));
    }

    @Test
    void anAmountFinerThanItsCurrencyIsRefusedUnlessRoundingIsAskedFor() {
        assertThatThrownBy(() -> Money.of("12.345", "DKK"))
                .isInstanceOf(Money.TooPrecise.class)
                .hasMessageContaining("12.345")
                .hasMessageContaining("DKK");
        assertThatThrownBy(() -> Money.of("1500.5", "JPY")).isInstanceOf(Money.TooPrecise.class);

        assertThat(Money.rounded(new BigDecimal("12.345"), "DKK", RoundingMode.HALF_UP))
                .isEqualTo(Money.of("12.35", "DKK"));
        assertThat(Money.rounded(new BigDecimal("12.345"), "DKK", RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("12.34", "DKK"));
        assertThat(Money.rounded(new BigDecimal("12.349"), "EUR", RoundingMode.DOWN))
                .isEqualTo(Money.of("12.34", "EUR"));
    }

    @Test
    void addsSubtractsAndMultipliesWithinOneCurrency() {
        Money vase = Money.of("329.00", "DKK");
        Money lamp = Money.of("100.50", "DKK");

        assertThat(vase.plus(lamp)).isEqualTo(Money.of("429.50", "DKK"));
        assertThat(vase.minus(lamp)).isEqualTo(Money.of("228.50", "DKK"));
        assertThat(lamp.times(3)).isEqualTo(Money.of("301.50", "DKK"));
        assertThat(lamp.times(0).isZero()).isTrue();
        assertThat(Stream.of(vase, lamp, lamp).collect(Money.sum("DKK"))).isEqualTo(Money.of("530.00", "DKK"));
        assertThat(Stream.<Money>empty().collect(Money.sum("EUR"))).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void amountsInDifferentCurrenciesDoNotAddUp() {
        Money kroner = Money.of("100.00", "DKK");
        Money euros = Money.of("100.00", "EUR");

        assertThatThrownBy(() -> kroner.plus(euros))
                .isInstanceOf(Money.CurrencyMismatch.class)
                .hasMessageContaining("DKK")
                .hasMessageContaining("EUR");
        assertThatThrownBy(() -> kroner.minus(euros)).isInstanceOf(Money.CurrencyMismatch.class);
        assertThatThrownBy(() -> Stream.of(kroner, euros).collect(Money.sum("DKK")))
                .isInstanceOf(Money.CurrencyMismatch.class);
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of("10", "KRONER"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KRONER");
    }

    @Test
    void readsAsTheAmountAndItsCurrency() {
        assertThat(Money.of("8995", "DKK")).hasToString("8995.00 DKK");
    }
}
