package app.leadline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, over an in-memory embedded store, without demo data, with
 * {@link Clients} to call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "leadline.store.backend=MEMORY",
            "leadline.demo.enabled=false",
            "leadline.notifications.echo=false",
            // What a test waits to be sent is sent at any hour of the day the tests run (customers are held back
            // from 21:00 to 08:00 their time by default); NotificationDispatchIntegrationTests sets those hours.
            "leadline.notifications.quiet-hours=00:00-00:00",
            // Tests sweep for overtaken promises themselves, at the moments they choose.
            "leadline.promise-watch.enabled=false",
            "leadline.tracking.rate-limit.burst=100000",
            "leadline.carriers.webhook-secret=" + LeadlineIntegrationTest.WEBHOOK_SECRET
        })
@Import({Clients.class, SchemaReports.class})
public @interface LeadlineIntegrationTest {

    /** The secret carriers sign delivery reports with, in these tests. */
    String WEBHOOK_SECRET = "carrier-webhook-test-secret";
}
