package app.leadline.delivery;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A shop's order placed just before Christmas is promised on the destination country's delivery days. The order is
 * history handed over without a confirmation, so that it is promised from its own day (an order confirmed now is
 * promised from now).
 */
@LeadlineIntegrationTest
class ChristmasDeliveryIntegrationTests {

    /** Monday 22 December 2025, 15:00 in Copenhagen: after the cut-off, so the parcel leaves Tuesday 23. */
    private static final Instant BEFORE_CHRISTMAS = Instant.parse("2025-12-22T14:00:00Z");

    @Autowired
    Clients clients;

    @ParameterizedTest
    @CsvSource({
        // Denmark: Christmas Eve, kept by custom, then Christmas Day and Boxing Day, then the weekend.
        "DK, 2025-12-29, 2025-12-30",
        // Germany: the same two holidays.
        "DE, 2025-12-29, 2025-12-30",
        // Britain: Christmas, Boxing Day and New Year's Day.
        "GB, 2025-12-30, 2026-01-02",
        // Poland: Christmas Eve is a public holiday as well, and New Year's Day.
        "PL, 2025-12-30, 2026-01-02",
        // Norway: Christmas Eve by custom, Christmas, Boxing Day, New Year's Day; two to four days in transit.
        "NO, 2025-12-30, 2026-01-02"
    })
    void aChristmasOrdersWindowSkipsTheDestinationsHolidays(String country, String earliest, String latest) {
        GraphQlTester.Response response = clients.shop()
                .documentName("placeOrders")
                .variable(
                        "input",
                        batch(anOrder()
                                .number("XMAS-" + country)
                                .destination("country", country)
                                .placedAt(BEFORE_CHRISTMAS)
                                .withoutConfirmation()))
                .execute();

        response.path("placeOrders.errors").entityList(Object.class).hasSize(0);
        response.path("placeOrders.orders[0].lines[0].eta.earliest")
                .entity(LocalDate.class)
                .isEqualTo(LocalDate.parse(earliest));
        response.path("placeOrders.orders[0].lines[0].eta.latest")
                .entity(LocalDate.class)
                .isEqualTo(LocalDate.parse(latest));
    }
}
