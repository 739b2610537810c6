package app.leadline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, moved by the test: starts at the real now; {@code @Import(MovableClock.Configuration.class)}
 * puts it in place of the system clock for every bean that reads the time.
 */
public final class MovableClock extends Clock {

    private volatile Instant now = Instant.now();

    /** Days later than the real today, at the given hour (UTC). */
    public void moveTo(LocalDate day, int hourUtc) {
        now = day.atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Back to the real now, for the next test. */
    public void reset() {
        now = Instant.now();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
