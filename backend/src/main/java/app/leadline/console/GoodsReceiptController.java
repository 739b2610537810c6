package app.leadline.console;

import app.leadline.order.OrderRuleViolation;
import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Goods an agent received against a purchase order, and the customer lines that are ready because of them. */
@Controller
class GoodsReceiptController {

    private final AgentDesk desk;

    GoodsReceiptController(AgentDesk desk) {
        this.desk = desk;
    }

    record ReceiveGoodsInput(String purchaseOrder, List<AgentDesk.ReceivedQuantity> quantities, LocalDate receivedOn) {}

    record ReceiveGoodsPayload(
            Integer linesReady,
            Integer ordersReady,
            Integer askedToChoose,
            List<String> waitingLines,
            Integer linesFromElsewhere,
            List<String> readyOrders,
            List<UserError> errors) {}

    @MutationMapping
    ReceiveGoodsPayload receiveGoods(@Argument ReceiveGoodsInput input, Principal agent) {
        try {
            AgentDesk.Received received = desk.receiveGoods(
                    input.purchaseOrder(),
                    AgentDesk.ReceivedQuantity.perSku(input.quantities()),
                    input.receivedOn(),
                    agent.getName());
            return new ReceiveGoodsPayload(
                    received.linesReady(),
                    received.ordersReady(),
                    received.askedToChoose(),
                    received.waitingLines(),
                    received.linesFromElsewhere(),
                    received.readyOrders(),
                    List.of());
        } catch (OrderRuleViolation refused) {
            return new ReceiveGoodsPayload(null, null, null, null, null, null, refused.asUserErrors());
        }
    }
}
