package app.leadline.delay;

import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The console's GraphQL entry for corrections: a delay withdrawn, a receipt reversed. */
@Controller
class ReversalController {

    private final Reversals reversals;

    ReversalController(Reversals reversals) {
        this.reversals = reversals;
    }

    record WithdrawDelayInput(String delay) {}

    record WithdrawDelayPayload(Reversals.Withdrawal withdrawal, List<UserError> errors) {}

    record ReverseReceiptInput(String purchaseOrder, Instant recordedAt) {}

    record ReverseReceiptPayload(Reversals.ReceiptReversal reversal, List<UserError> errors) {}

    record ReceivedUnits(String sku, int quantity) {}

    @QueryMapping
    WithdrawDelayPayload previewWithdrawDelay(@Argument WithdrawDelayInput input) {
        return withdrawn(reversals.previewWithdrawal(input.delay()));
    }

    @MutationMapping
    WithdrawDelayPayload withdrawDelay(@Argument WithdrawDelayInput input, Principal agent) {
        return withdrawn(reversals.withdraw(input.delay(), agent.getName()));
    }

    @QueryMapping
    ReverseReceiptPayload previewReverseReceipt(@Argument ReverseReceiptInput input) {
        return reversed(reversals.previewReceiptReversal(input.purchaseOrder(), input.recordedAt()));
    }

    @MutationMapping
    ReverseReceiptPayload reverseReceipt(@Argument ReverseReceiptInput input, Principal agent) {
        return reversed(reversals.reverseReceipt(input.purchaseOrder(), input.recordedAt(), agent.getName()));
    }

    @SchemaMapping(typeName = "DelayWithdrawal", field = "report")
    DelayReport withdrawalReport(Reversals.Withdrawal withdrawal) {
        return withdrawal.report().orElse(null);
    }

    @SchemaMapping(typeName = "ReceiptReversal", field = "report")
    DelayReport reversalReport(Reversals.ReceiptReversal reversal) {
        return reversal.report().orElse(null);
    }

    @SchemaMapping(typeName = "ReceiptReversal", field = "quantities")
    List<ReceivedUnits> quantities(Reversals.ReceiptReversal reversal) {
        return reversal.quantities().entrySet().stream()
                .map(entry -> new ReceivedUnits(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static WithdrawDelayPayload withdrawn(Reversals.Withdrawn withdrawn) {
        return new WithdrawDelayPayload(withdrawn.withdrawal().orElse(null), withdrawn.errors());
    }

    private static ReverseReceiptPayload reversed(Reversals.ReceiptReversed reversed) {
        return new ReverseReceiptPayload(reversed.reversal().orElse(null), reversed.errors());
    }
}
