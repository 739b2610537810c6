package app.leadline.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Points in time tests send messages at. */
public final class Moments {

    /** Tomorrow at noon UTC: inside every customer's waking hours here, whenever the test runs. */
    public static final Instant NOON =
            LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);

    private Moments() {}
}
