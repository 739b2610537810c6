package app.leadline.support;

import java.time.LocalDate;
import java.time.ZoneId;

/** The warehouse as the tests' application has it (application.yml): its day is not UTC's just after midnight. */
public final class TestWarehouse {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private TestWarehouse() {}

    /** The warehouse's day now: the latest day goods can have been received on. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The last moment of the warehouse's yesterday: less than a day ago, and yet yesterday. */
    public static java.time.Instant lastMomentOfYesterday() {
        return today().atStartOfDay(ZONE).toInstant().minusMillis(1);
    }
}
