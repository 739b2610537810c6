package app.leadline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.leadline.LeadlineApplication;
import app.leadline.delay.DelayReport;
import app.leadline.delay.SupplierDelays;
import app.leadline.order.LineSource;
import app.leadline.order.OrderQueries;
import app.leadline.order.TimelineEvent;
import app.leadline.promise.PromiseWatch;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A first start with the demo, as a newcomer runs it: the whole demo, in the embedded H2 store. */
class DemoDataIntegrationTests {

    @TempDir
    Path data;

    private static List<String> reasonsGiven(OrderQueries orders, String number) {
        return orders.byNumber(number).orElseThrow().timeline().stream()
                .filter(event -> event.type() == TimelineEvent.Type.ETA_MOVED)
                .map(event -> event.details().get("reason"))
                .toList();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFreshDemoHasLinesOfEverySourceAndNoneThatTimeHasOvertaken() {
        try (var context = new SpringApplicationBuilder(LeadlineApplication.class)
                .run(
                        "--server.port=0",
                        "--leadline.store.path=" + data,
                        // The sweep after start would move what it finds; the list below shows what it would find.
                        "--leadline.promise-watch.enabled=false")) {
            OrderQueries orders = context.getBean(OrderQueries.class);
            assertThat(orders.count()).isEqualTo(300);

            Set<LineSource> sources = EnumSet.noneOf(LineSource.class);
            orders.forEachWithOpenLines(order -> order.lines().forEach(line -> sources.add(line.source())));
            assertThat(sources).containsExactlyInAnyOrder(LineSource.values());

            // A shop ships what is in stock within a day or two: no customer of the demo is told at its first start
            // that a line is running late.
            assertThat(context.getBean(PromiseWatch.class).runningLate()).isEmpty();

            // The showcase's delayed lines give their reason in the customer's language (DEMO-1002 is German,
            // DEMO-1004 Polish), and are past their promise, so their customers may cancel them.
            assertThat(reasonsGiven(orders, "DEMO-1002"))
                    .containsExactly("Die Produktion des Lieferanten ist im Verzug.");
            assertThat(reasonsGiven(orders, "DEMO-1004")).containsExactly("Produkcja u dostawcy jest opóźniona.");
            for (String number : List.of("DEMO-1002", "DEMO-1004")) {
                assertThat(orders.byNumber(number).orElseThrow().lines())
                        .filteredOn(line -> line.source() == LineSource.BACKORDER)
                        .singleElement()
                        .satisfies(line -> assertThat(line.isLate()).isTrue());
            }

            // Each of those delays is one an agent finds in the console's list, applied, with its reason and whom
            // it reached: one product of one supplier, one order each.
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "agent", null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
            assertThat(context.getBean(SupplierDelays.class).recent(10))
                    .extracting(
                            delay -> delay.scope().sku(),
                            DelayReport::reasonCode,
                            DelayReport::state,
                            DelayReport::movedOrders,
                            DelayReport::createdBy)
                    .containsExactlyInAnyOrder(
                            tuple("CHAIR-AARHUS", "SUPPLIER_BEHIND", DelayReport.State.DONE, 1, "demo-agent"),
                            tuple("SOFA-BERGEN-2", "SUPPLIER_BEHIND", DelayReport.State.DONE, 1, "demo-agent"));
        }
    }
}
