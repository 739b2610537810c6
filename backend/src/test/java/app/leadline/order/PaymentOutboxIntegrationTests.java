package app.leadline.order;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.payment.PaymentOperation;
import app.leadline.payment.RecordingPaymentGateway;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Money moves once, even when the process dies between changing an order and telling the payment provider. */
@LeadlineIntegrationTest
class PaymentOutboxIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    OrderChanges changes;

    @Autowired
    OrderQueries orders;

    @Autowired
    PaymentOutbox outbox;

    @Autowired
    RecordingPaymentGateway gateway;

    @Test
    void theSweepSendsWhatACrashLeftInTheOrdersOutboxExactlyOnce() {
        OrderInputs input = anOrder();
        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(input))
                .execute();
        String orderId = orders.byNumber(input.number()).orElseThrow().id();
        // The shipment is stored with its capture in the outbox, and the process "dies" before sending it.
        changes.applyOnly(
                orderId,
                order -> order.ship(
                        List.of("L1"), "GLS", "GLS-1", Instant.now(), OrderFixtures.shippedOn(Instant.now())));
        assertThat(gateway.recordedFor(input.number())).isEmpty();

        outbox.sweep();
        outbox.sweep();

        assertThat(gateway.recordedFor(input.number())).singleElement().satisfies(payment -> {
            assertThat(payment.kind()).isEqualTo(PaymentOperation.Kind.CAPTURE);
            assertThat(payment.amount()).isEqualByComparingTo("129.95");
        });
        assertThat(orders.byNumber(input.number()).orElseThrow().pendingPayments())
                .isEmpty();
    }

    @Test
    void sendingTheSameOperationTwiceRecordsItOnce() {
        PaymentOperation capture = new PaymentOperation(
                "op-twice",
                PaymentOperation.Kind.CAPTURE,
                "T-TWICE",
                List.of("L1"),
                new java.math.BigDecimal("10.00"),
                "DKK",
                Instant.now());

        gateway.execute(capture);
        gateway.execute(capture);

        assertThat(gateway.recordedFor("T-TWICE")).hasSize(1);
    }
}
