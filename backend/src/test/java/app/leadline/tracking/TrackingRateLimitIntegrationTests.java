package app.leadline.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@LeadlineIntegrationTest
@TestPropertySource(properties = {"leadline.tracking.rate-limit.burst=3", "leadline.tracking.rate-limit.per-minute=1"})
class TrackingRateLimitIntegrationTests {

    @Autowired
    Clients clients;

    @Test
    void aClientThatKeepsGuessingIsSlowedDown() {
        for (int i = 0; i < 3; i++) {
            clients.anonymous()
                    .documentName("trackOrder")
                    .variable("token", "B".repeat(43))
                    .execute()
                    .path("trackOrder")
                    .valueIsNull();
        }

        clients.anonymous()
                .documentName("trackOrder")
                .variable("token", "B".repeat(43))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED")));
    }
}
