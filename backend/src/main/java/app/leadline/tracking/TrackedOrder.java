package app.leadline.tracking;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.DeliveryPreference;
import app.leadline.order.LineSource;
import app.leadline.order.LineStatus;
import app.leadline.order.Order;
import app.leadline.order.OrderLine;
import app.leadline.order.Shipment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a customer may see of their order. Built field by field from the aggregate, so nothing internal
 * (suppliers, purchase orders, notes, contact data) can reach the page by accident.
 */
record TrackedOrder(
        String number,
        Instant placedAt,
        String locale,
        DeliveryPreference deliveryPreference,
        EtaWindow eta,
        String destinationCountry,
        List<TrackedLine> lines,
        List<TrackedShipment> shipments) {

    static TrackedOrder of(Order order) {
        return new TrackedOrder(
                order.number(),
                order.placedAt(),
                order.customer().locale(),
                order.delivery().preference(),
                order.eta(),
                order.destination().country(),
                order.lines().stream().map(TrackedLine::of).toList(),
                order.shipments().stream().map(TrackedShipment::of).toList());
    }

    record TrackedLine(
            String id,
            String sku,
            String name,
            int quantity,
            LineSource source,
            LineStatus status,
            LocalDate promisedDate,
            EtaWindow eta) {

        static TrackedLine of(OrderLine line) {
            return new TrackedLine(
                    line.id(),
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    line.source(),
                    line.status(),
                    line.promisedDate(),
                    line.eta());
        }
    }

    record TrackedShipment(
            String carrier, String trackingNumber, Instant shippedAt, Instant deliveredAt, List<String> lineIds) {

        static TrackedShipment of(Shipment shipment) {
            return new TrackedShipment(
                    shipment.carrier(),
                    shipment.trackingNumber(),
                    shipment.shippedAt(),
                    shipment.deliveredAt(),
                    shipment.lineIds());
        }
    }
}
