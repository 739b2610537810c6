package app.leadline.console;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.ExtraShipping;
import app.leadline.order.Feedback;
import app.leadline.order.LineSource;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.Parcel;
import app.leadline.order.PaymentState;
import app.leadline.order.RefundRequest;
import app.leadline.order.Shipment;
import app.leadline.order.SystemNote;
import app.leadline.order.TimelineEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An order as an agent sees it: everything the customer sees, plus suppliers, money and internal notes. */
record AgentOrder(
        String number,
        java.time.Instant placedAt,
        String customerName,
        String customerEmail,
        String customerLocale,
        String customerTimeZone,
        String segment,
        String deliveryPreference,
        String deliveryChosenBy,
        boolean deliveryChoiceOpen,
        String currency,
        String totalCharged,
        String totalRefunded,
        ExtraShipping.Shown extraShipping,
        String nextParcelExtraShipping,
        boolean late,
        Parcel proposedShipment,
        List<AgentLine> lines,
        List<Shipment> shipments,
        List<RefundRequest> refunds,
        List<AgentEvent> timeline,
        Feedback feedback,
        boolean trackingLinkOpens,
        long revision) {

    /** The order as an agent reads it at that moment (whether its customer's link opens it is a matter of time). */
    static AgentOrder of(Order order, Instant now) {
        return new AgentOrder(
                order.number(),
                order.placedAt(),
                order.customer().name(),
                order.customer().email(),
                order.customer().locale(),
                order.customer().timeZone(),
                order.policy().segment(),
                order.delivery().preference().name(),
                order.delivery().chosenBy(),
                order.deliveryOptions().open(),
                order.currency(),
                order.totalCharged().toPlainString(),
                order.totalRefunded().toPlainString(),
                order.extraShipping()
                        .map(agreed -> agreed.shown(order.currency()))
                        .orElse(null),
                order.extraShippingOfNextParcel().toPlainString(),
                order.isLate(),
                order.proposedShipment().orElse(null),
                order.lines().stream()
                        .map(line -> AgentLine.of(line, order.arrivalOf(line.id()), order.currency()))
                        .toList(),
                order.shipments(),
                order.refunds(),
                order.timeline().stream().map(AgentEvent::of).toList(),
                order.feedback().orElse(null),
                order.trackableAt(now),
                order.revision());
    }

    /**
     * A line as the agent reads it: what the customer sees, its supplier and purchase order, and what it costs (unit
     * price × quantity in the order's currency), the amount its parcel takes from the customer's card; its own window
     * and, apart, when it reaches the customer (its parcel's window, later when it waits for the order's one delivery).
     */
    record AgentLine(
            String id,
            String sku,
            String name,
            int quantity,
            LineSource source,
            LineStatus status,
            PaymentState payment,
            String supplier,
            String purchaseOrder,
            LocalDate promisedDate,
            EtaWindow eta,
            EtaWindow arrival,
            String amount) {

        static AgentLine of(OrderLine line, EtaWindow arrival, String currency) {
            return new AgentLine(
                    line.id(),
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    line.source(),
                    line.status(),
                    line.payment(),
                    line.supplier(),
                    line.purchaseOrder(),
                    line.promisedDate(),
                    line.eta(),
                    arrival,
                    line.amountIn(currency).toPlainString());
        }
    }

    record AgentEvent(String type, Instant at, List<Detail> details, String internalNote, SystemNote systemNote) {

        static AgentEvent of(TimelineEvent event) {
            return new AgentEvent(
                    event.type().name(),
                    event.at(),
                    Detail.sorted(event.details()),
                    event.internalNote(),
                    event.systemNote());
        }
    }

    record Detail(String key, String value) {

        /**
         * The values as details, by key, a range's lower end before its upper one as it is read ("leadTimeMinDays"
         * before "leadTimeMaxDays"); none when there are no values.
         */
        static List<Detail> sorted(Map<String, String> values) {
            return values == null
                    ? List.of()
                    : values.entrySet().stream()
                            .sorted(java.util.Comparator.comparing(entry -> readingOrder(entry.getKey())))
                            .map(entry -> new Detail(entry.getKey(), entry.getValue()))
                            .toList();
        }

        private static final java.util.regex.Pattern MIN = java.util.regex.Pattern.compile("Min(?=[A-Z]|$)");
        private static final java.util.regex.Pattern MAX = java.util.regex.Pattern.compile("Max(?=[A-Z]|$)");

        private static String readingOrder(String key) {
            return MAX.matcher(MIN.matcher(key).replaceAll("\u0000")).replaceAll("\u0001");
        }
    }
}
