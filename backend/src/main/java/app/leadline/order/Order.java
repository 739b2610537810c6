package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import app.leadline.order.TimelineEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The aggregate: one order, its lines with their own promises, shipments, timeline and tracking link, stored as
 * one document. It changes only through methods that check its state and record what happened.
 */
@Document("orders")
public class Order {

    static final int TIMELINE_LIMIT = 200;

    @Id
    private final String id;

    private final String number;
    private final Customer customer;
    private final Instant placedAt;
    private final String currency;
    private final Destination destination;
    private final DeliveryChoice delivery;
    private final List<OrderLine> lines;
    private final List<Shipment> shipments;
    private final List<TimelineEvent> timeline;
    private TrackingLink tracking;

    @Version
    private final Long version;

    @PersistenceCreator
    Order(
            String id,
            String number,
            Customer customer,
            Instant placedAt,
            String currency,
            Destination destination,
            DeliveryChoice delivery,
            List<OrderLine> lines,
            List<Shipment> shipments,
            List<TimelineEvent> timeline,
            TrackingLink tracking,
            Long version) {
        this.id = id;
        this.number = number;
        this.customer = customer;
        this.placedAt = placedAt;
        this.currency = currency;
        this.destination = destination;
        this.delivery = delivery;
        this.lines = new ArrayList<>(lines == null ? List.of() : lines);
        this.shipments = new ArrayList<>(shipments == null ? List.of() : shipments);
        this.timeline = new ArrayList<>(timeline == null ? List.of() : timeline);
        this.tracking = tracking;
        this.version = version;
    }

    /** A new order as the shop placed it, with a fresh tracking link whose hash alone is kept. */
    static Order place(
            String number,
            Customer customer,
            Instant placedAt,
            String currency,
            Destination destination,
            DeliveryChoice delivery,
            List<OrderLine> lines,
            TrackingToken token,
            Duration linkLifetime) {
        Order order = new Order(
                UUID.randomUUID().toString(),
                number,
                customer,
                placedAt,
                currency,
                destination,
                delivery,
                lines,
                List.of(),
                List.of(),
                new TrackingLink(token.hash(), placedAt.plus(linkLifetime), false),
                null);
        order.record(TimelineEvent.of(Type.PLACED, placedAt, Map.of("lines", String.valueOf(lines.size()))));
        for (OrderLine line : lines) {
            switch (line.source()) {
                case BACKORDER -> order.record(TimelineEvent.of(Type.BACKORDERED, placedAt, lineDetails(line)));
                case DROPSHIP -> order.record(TimelineEvent.of(Type.DROPSHIPPED, placedAt, lineDetails(line)));
                case STOCK -> {}
            }
        }
        return order;
    }

    /** Replaces the tracking link: the old one stops opening the order at once. */
    public void reissueTrackingLink(TrackingToken token, Instant now, Duration linkLifetime) {
        this.tracking = new TrackingLink(token.hash(), now.plus(linkLifetime), false);
        record(TimelineEvent.of(Type.TRACKING_LINK_REISSUED, now, Map.of()));
    }

    boolean trackableAt(Instant now) {
        return tracking != null && tracking.opensAt(now);
    }

    /** The order's window under its delivery preference: one complete delivery waits for the latest line. */
    public EtaWindow eta() {
        List<EtaWindow> open = lines.stream()
                .filter(line -> line.status() != LineStatus.CANCELLED && line.status() != LineStatus.REFUNDED)
                .map(OrderLine::eta)
                .toList();
        List<EtaWindow> windows =
                open.isEmpty() ? lines.stream().map(OrderLine::eta).toList() : open;
        return delivery.preference() == DeliveryPreference.WAIT_FOR_ALL
                ? EtaWindow.allOf(windows)
                : EtaWindow.span(windows);
    }

    private void record(TimelineEvent event) {
        timeline.add(event);
        if (timeline.size() > TIMELINE_LIMIT) {
            timeline.remove(0);
        }
    }

    private static Map<String, String> lineDetails(OrderLine line) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("line", line.id());
        details.put("sku", line.sku());
        details.put("latest", line.eta().latest().toString());
        return details;
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public Customer customer() {
        return customer;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public String currency() {
        return currency;
    }

    public Destination destination() {
        return destination;
    }

    public DeliveryChoice delivery() {
        return delivery;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<Shipment> shipments() {
        return List.copyOf(shipments);
    }

    public List<TimelineEvent> timeline() {
        return List.copyOf(timeline);
    }

    TrackingLink tracking() {
        return tracking;
    }

    Long version() {
        return version;
    }
}
