package app.leadline.payment;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL face of payments: what the provider was asked to do for an order, for agents. With a provider that
 * keeps no history readable here, the answer is empty.
 */
@Controller
class PaymentController {

    private final ObjectProvider<PaymentHistory> history;

    PaymentController(ObjectProvider<PaymentHistory> history) {
        this.history = history;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<RecordedPayment> payments(@Argument String orderNumber) {
        PaymentHistory kept = history.getIfAvailable();
        return kept == null ? List.of() : kept.recordedFor(orderNumber);
    }
}
