package app.leadline.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * An amount in one currency, always at that currency's scale (two decimals for DKK, EUR, PLN and GBP, none for
 * JPY). Amounts of different currencies never add up; an amount finer than its currency allows is refused unless
 * the caller says how to round it.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Currency unit = unit(currency);
        try {
            amount = amount.setScale(scale(unit), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new TooPrecise(amount, currency);
        }
    }

    /** The amount as it is; refused when it is finer than the currency allows. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** The amount as it is; refused when it is no decimal or finer than the currency allows. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** The amount rounded to the currency's scale the way the caller chose. */
    public static Money rounded(BigDecimal amount, String currency, RoundingMode rounding) {
        return new Money(amount.setScale(scale(unit(currency)), rounding), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Adds up amounts of one currency; none add up to zero in it. */
    public static Collector<Money, ?, Money> sum(String currency) {
        return Collectors.reducing(zero(currency), Money::plus);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount as a plain decimal at the currency's scale, e.g. {@code "129.90"}: how the API and messages show it. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatch(this, other);
        }
        return other;
    }

    private static Currency unit(String code) {
        Objects.requireNonNull(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code.", e);
        }
    }

    /** Currencies without minor units (e.g. XAU) report -1; they are kept whole. */
    private static int scale(Currency unit) {
        return Math.max(unit.getDefaultFractionDigits(), 0);
    }

    /** Two amounts in different currencies were to be added or compared. */
    public static final class CurrencyMismatch extends IllegalArgumentException {

        CurrencyMismatch(Money left, Money right) {
            super("Cannot combine " + left + " with " + right + ": the currencies differ.");
        }
    }

    /** An amount has more decimals than its currency has minor units, and no rounding was asked for. */
    public static final class TooPrecise extends IllegalArgumentException {

        TooPrecise(BigDecimal amount, String currency) {
            super(amount.toPlainString() + " has more decimals than " + currency + " allows.");
        }
    }
}
