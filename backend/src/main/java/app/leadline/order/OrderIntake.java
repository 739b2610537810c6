package app.leadline.order;

import app.leadline.delivery.EtaCalculator;
import app.leadline.delivery.EtaWindow;
import app.leadline.delivery.SupplierSpread;
import app.leadline.delivery.SupplierSpreads;
import app.leadline.order.NewOrder.NewLine;
import app.leadline.platform.LeadlineProperties;
import app.leadline.platform.TimeOrderedIds;
import app.leadline.platform.UserError;
import app.leadline.policy.PolicyCatalog;
import app.leadline.policy.SegmentPolicy;
import app.leadline.supplier.PurchaseOrder.Allocation;
import app.leadline.supplier.PurchaseOrderRef;
import app.leadline.supplier.Supplier;
import app.leadline.supplier.SupplierCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The shop hands orders over. A batch is checked whole before anything is stored; each order is idempotent on
 * the shop's order number, so sending it again returns the order already there.
 */
@Service
public class OrderIntake {

    private final Counter placed;
    private final OrderChangeFeed feed;

    private static final String DEFAULT_ZONE = "Europe/Copenhagen";
    private static final Map<String, String> ZONE_BY_COUNTRY = Map.of(
            "DK",
            "Europe/Copenhagen",
            "DE",
            "Europe/Berlin",
            "PL",
            "Europe/Warsaw",
            "SE",
            "Europe/Stockholm",
            "NO",
            "Europe/Oslo",
            "GB",
            "Europe/London",
            "NL",
            "Europe/Amsterdam");

    private final Orders orders;
    private final SupplierCatalog suppliers;
    private final EtaCalculator etas;
    private final SupplierSpreads.Source lateness;
    private final TrackingLinkProperties links;
    private final TrackingLinks trackingLinks;
    private final LeadlineProperties leadline;
    private final PolicyCatalog policies;
    private final Shelf shelf;
    private final DelaysInForce delays;
    private final Clock clock;

    OrderIntake(
            Orders orders,
            SupplierCatalog suppliers,
            PolicyCatalog policies,
            EtaCalculator etas,
            SupplierSpreads.Source lateness,
            TrackingLinkProperties links,
            TrackingLinks trackingLinks,
            LeadlineProperties leadline,
            Clock clock,
            MeterRegistry meters,
            OrderChangeFeed feed,
            Shelf shelf,
            DelaysInForce delays) {
        this.feed = feed;
        this.shelf = shelf;
        this.delays = delays;
        this.placed = Counter.builder("leadline.orders.placed")
                .description("Orders handed over by the shop")
                .register(meters);
        this.orders = orders;
        this.suppliers = suppliers;
        this.policies = policies;
        this.etas = etas;
        this.lateness = lateness;
        this.links = links;
        this.trackingLinks = trackingLinks;
        this.leadline = leadline;
        this.clock = clock;
    }

    /** The outcome for one order: the order, whether this call created it, and its link if it did. */
    public record PlacedOrder(Order order, boolean created, Optional<String> trackingUrl) {}

    /** Either every order placed (or found), or the errors and nothing stored. */
    public record Outcome(List<PlacedOrder> orders, List<UserError> errors) {}

    @PreAuthorize("hasAuthority('SCOPE_orders:write')")
    public Outcome place(List<NewOrder> batch) {
        OrderValidation validation = new OrderValidation(suppliers, clock);
        List<UserError> errors = validation.check(batch);
        if (!errors.isEmpty()) {
            return new Outcome(List.of(), errors);
        }
        Map<String, Order> existing = new HashMap<>();
        orders.findByNumberIn(batch.stream().map(NewOrder::number).toList())
                .forEach(order -> existing.put(order.number(), order));
        List<NewOrder> toMake = batch.stream()
                .filter(input -> !existing.containsKey(input.number()))
                .toList();
        List<String> ids = toMake.stream().map(input -> TimeOrderedIds.next()).toList();
        Reserved reservations = reserve(toMake, ids);
        Map<String, SegmentPolicy> segments = new HashMap<>();
        SupplierSpreads spreads = lateness.current();
        DelaysInForce.NewLines delayed = delays.forNewLines(
                toMake.stream()
                        .flatMap(input -> input.lines().stream())
                        .map(NewLine::supplier)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()),
                reservations.lines().values().stream()
                        .map(PurchaseOrderRef::number)
                        .collect(Collectors.toSet()));
        List<PlacedOrder> placed = new ArrayList<>(batch.size());
        List<Order> fresh = new ArrayList<>(batch.size());
        int made = 0;
        for (NewOrder input : batch) {
            Order known = existing.get(input.number());
            if (known != null) {
                placed.add(new PlacedOrder(known, false, Optional.empty()));
                continue;
            }
            TrackingToken token = TrackingToken.generate();
            Order order = newOrder(input, ids.get(made++), token, validation, segments, spreads, reservations, delayed);
            fresh.add(order);
            placed.add(new PlacedOrder(order, true, Optional.of(leadline.link("/t/" + token.value()))));
        }
        store(fresh, placed);
        onTheShelf(reservations.receivedInPart(), placed);
        return new Outcome(placed, List.of());
    }

    /**
     * Backordered lines may find their units on the shelf of a purchase order received in part already: the one they
     * took, or another of their supplier with units to spare (see {@link Shelf#planSharing}). Those are ready at once
     * (the customer told so), and the answer gives those orders as they are now.
     */
    private void onTheShelf(Set<String> receivedInPart, List<PlacedOrder> placed) {
        if (receivedInPart.isEmpty()) {
            return;
        }
        Map<String, Order> now = shelf.serve(receivedInPart);
        for (int i = 0; i < placed.size(); i++) {
            PlacedOrder outcome = placed.get(i);
            if (outcome.created() && now.containsKey(outcome.order().id())) {
                placed.set(i, new PlacedOrder(now.get(outcome.order().id()), true, outcome.trackingUrl()));
            }
        }
    }

    /**
     * Stores the batch's new orders with one write. Only when another request stored one of their numbers meanwhile
     * does each go on its own, that one then answered with the order already there.
     */
    private void store(List<Order> fresh, List<PlacedOrder> placed) {
        if (fresh.isEmpty()) {
            return;
        }
        try {
            orders.insert(fresh);
            fresh.forEach(order -> feed.changed(order.id()));
            this.placed.increment(fresh.size());
            return;
        } catch (DuplicateKeyException raced) {
            // The orders before the one that clashed are stored; the rest go one by one.
        }
        for (int i = 0; i < placed.size(); i++) {
            PlacedOrder outcome = placed.get(i);
            if (outcome.created() && !orders.existsById(outcome.order().id())) {
                placed.set(i, storeOne(outcome));
            } else if (outcome.created()) {
                feed.changed(outcome.order().id());
                this.placed.increment();
            }
        }
    }

    private PlacedOrder storeOne(PlacedOrder outcome) {
        Order order = outcome.order();
        try {
            orders.insert(order);
        } catch (DuplicateKeyException raced) {
            releaseAllocations(order);
            return new PlacedOrder(
                    orders.findByNumber(order.number()).orElseThrow(() -> raced), false, Optional.empty());
        }
        feed.changed(order.id());
        placed.increment();
        return outcome;
    }

    /**
     * Allocates the backordered lines of the orders to make (each with its id) to open purchase orders, supplier by
     * supplier, before any order is stored (see {@link #newOrder}).
     *
     */
    private Reserved reserve(List<NewOrder> toMake, List<String> ids) {
        Map<String, List<Allocation>> bySupplier = new LinkedHashMap<>();
        for (int o = 0; o < toMake.size(); o++) {
            List<NewLine> lines = toMake.get(o).lines();
            for (int i = 0; i < lines.size(); i++) {
                NewLine line = lines.get(i);
                if (line.source() == LineSource.BACKORDER) {
                    bySupplier
                            .computeIfAbsent(line.supplier(), supplier -> new ArrayList<>())
                            .add(allocation(ids.get(o), i, line));
                }
            }
        }
        Map<Allocation, PurchaseOrderRef> reserved = new HashMap<>();
        Set<String> receivedInPart = new java.util.TreeSet<>();
        Map<String, PurchaseOrderRef> lastToCome = new HashMap<>();
        bySupplier.forEach((supplier, lines) -> {
            SupplierCatalog.Reservations reservations = suppliers.reserveAll(supplier, lines);
            for (int i = 0; i < lines.size(); i++) {
                Allocation line = lines.get(i);
                reservations.answers().get(i).ifPresent(po -> reserved.put(line, po));
            }
            receivedInPart.addAll(reservations.receivedInPart());
            reservations.lastToCome().forEach((sku, po) -> lastToCome.put(Reserved.key(supplier, sku), po));
        });
        return new Reserved(reserved, receivedInPart, lastToCome);
    }

    /**
     * The purchase order each allocated line waits for (lines no purchase order had room for are missing), the open
     * purchase orders of their SKUs received in part, whose shelves may hold units for them, and by supplier and SKU
     * the open purchase order expected last with units still to come.
     */
    private record Reserved(
            Map<Allocation, PurchaseOrderRef> lines,
            Set<String> receivedInPart,
            Map<String, PurchaseOrderRef> lastToCome) {

        static String key(String supplier, String sku) {
            return supplier + "\u0000" + sku;
        }

        Optional<PurchaseOrderRef> lastToCome(String supplier, String sku) {
            return Optional.ofNullable(lastToCome.get(key(supplier, sku)));
        }
    }

    private static Allocation allocation(String orderId, int index, NewLine line) {
        return new Allocation(orderId, lineId(index), line.sku().trim(), line.quantity());
    }

    private static String lineId(int index) {
        return "L" + (index + 1);
    }

    private Order newOrder(
            NewOrder input,
            String orderId,
            TrackingToken token,
            OrderValidation resolved,
            Map<String, SegmentPolicy> segments,
            SupplierSpreads spreads,
            Reserved reserved,
            DelaysInForce.NewLines delayed) {
        Instant now = clock.instant();
        Instant placedAt = input.placedAt() == null ? now : input.placedAt();
        boolean confirmed = !Boolean.FALSE.equals(input.sendConfirmation());
        // An order confirmed to its customer is promised from when Leadline takes it over, if the shop hands it over
        // late: a confirmation must not promise a window already past. History (not confirmed) keeps its own day.
        Instant projectedFrom = confirmed && now.isAfter(placedAt) ? now : placedAt;
        String country = input.destination().country();
        Customer customer = customer(input);
        SegmentPolicy segmentPolicy = segments.computeIfAbsent(customer.segment(), policies::forSegment);
        app.leadline.delivery.ReceivingDays receiving =
                new app.leadline.delivery.ReceivingDays(segmentPolicy.receivingDays(), country);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            NewLine newLine = input.lines().get(i);
            Optional<PurchaseOrderRef> po = Optional.ofNullable(reserved.lines().get(allocation(orderId, i, newLine)));
            Optional<PurchaseOrderRef> lastToCome = newLine.source() == LineSource.BACKORDER
                    ? reserved.lastToCome(newLine.supplier(), newLine.sku().trim())
                    : Optional.empty();
            OrderLine line = line(lineId(i), newLine, po, lastToCome, projectedFrom, country, resolved, spreads);
            OrderLine projected = line.withEta(line.eta().landingOn(receiving), null);
            // A supplier's delay logged before the order came holds its line as it holds those it found: the customer
            // is promised the later window, and withdrawing the delay gives the line back the one it would have had.
            // So does a delay whose new date the line's purchase order already carries (one of the whole supplier, or
            // the purchase order's own): the window is the same, but the line is the delay's to bring back.
            OrderLine placedLine = delayed.of(projected, projectedFrom, country, spreads)
                    .map(held -> held.hold(projected, projected.purchaseOrder(), projected.eta(), receiving))
                    .orElse(projected);
            lines.add(placedLine.promisedBy(placedLine.eta().latest()));
        }
        Order order = Order.place(
                orderId,
                input.number(),
                customer,
                placedAt,
                input.currency(),
                new Destination(
                        input.destination().street().trim(),
                        input.destination().postalCode().trim(),
                        input.destination().city().trim(),
                        country),
                delivery(input, placedAt, segmentPolicy),
                new OrderPolicy(
                        segmentPolicy.segment(),
                        segmentPolicy.customerMayChoose(),
                        segmentPolicy.receivingDays(),
                        policies.extraParcelFee(segmentPolicy, input.currency()),
                        segmentPolicy.cancelAnyUnshippedLine(),
                        segmentPolicy.autoApproveRefundAfterDaysLate()),
                lines,
                token,
                trackingLinks.seal(),
                links.linkLifetime());
        // The batch's allocations went first, before its orders were made: if the process dies before the order is
        // stored, a purchase order points at an order that does not exist, which the cascade skips; the other way
        // round a line would miss its delays.
        if (confirmed) {
            order.confirmToCustomer(now);
        }
        return order;
    }

    private OrderLine line(
            String id,
            NewLine input,
            Optional<PurchaseOrderRef> po,
            Optional<PurchaseOrderRef> lastToCome,
            Instant projectedFrom,
            String country,
            OrderValidation resolved,
            SupplierSpreads spreads) {
        BigDecimal price = OrderValidation.amount(input.unitPrice()).orElseThrow();
        Optional<SupplierSpread> spread = input.supplier() == null ? Optional.empty() : spreads.of(input.supplier());
        return switch (input.source()) {
            case STOCK ->
                newLine(id, input, price, null, null, etas.forStock(projectedFrom, country), LineStatus.RESERVED);
            case BACKORDER -> {
                if (po.isPresent()) {
                    EtaWindow eta = etas.forPurchaseOrder(
                            projectedFrom, po.get().expectedArrival(), country, input.supplier(), spreads);
                    yield newLine(
                            id, input, price, input.supplier(), po.get().number(), eta, LineStatus.AWAITING_SUPPLIER);
                }
                Supplier supplier = resolved.supplier(input.supplier()).orElseThrow();
                // A supplier without a lead time passed validation only because a purchase order had room then;
                // another line took it since: the line waits to be ordered, promised by that purchase order's date.
                EtaWindow eta = supplier.backorderLeadTime() != null
                        ? toBeOrdered(projectedFrom, country, supplier, lastToCome, spreads)
                        : etas.forBackorder(
                                projectedFrom,
                                resolved.purchaseOrderFor(input.supplier(), input.sku(), input.quantity())
                                        .orElseThrow()
                                        .expectedArrival(),
                                country,
                                spread);
                yield newLine(id, input, price, input.supplier(), null, eta, LineStatus.AWAITING_SUPPLIER);
            }
            case DROPSHIP -> {
                Supplier supplier = resolved.supplier(input.supplier()).orElseThrow();
                EtaWindow eta =
                        etas.forDropship(projectedFrom, supplier.dropshipLeadTime(), supplier.days(), country, spread);
                yield newLine(id, input, price, input.supplier(), null, eta, LineStatus.AWAITING_SUPPLIER);
            }
        };
    }

    /**
     * A backordered line no purchase order carries yet waits to be ordered: the goods arrive within the supplier's
     * lead time counted from today, then leave as any backordered item does. They are not promised sooner than the
     * same SKU on the supplier's open purchase order expected last: bought later, they do not overtake it.
     */
    private EtaWindow toBeOrdered(
            Instant projectedFrom,
            String country,
            Supplier supplier,
            Optional<PurchaseOrderRef> lastToCome,
            SupplierSpreads spreads) {
        Supplier.Arrival arrival = supplier.arrivalIfOrderedOn(etas.today()).orElseThrow();
        return etas.forToBeOrderedAfter(
                projectedFrom,
                arrival.earliest(),
                arrival.latest(),
                lastToCome.map(PurchaseOrderRef::expectedArrival),
                country,
                supplier.code(),
                spreads);
    }

    private static OrderLine newLine(
            String id,
            NewLine input,
            BigDecimal price,
            String supplier,
            String purchaseOrder,
            EtaWindow eta,
            LineStatus status) {
        return new OrderLine(
                id,
                input.sku().trim(),
                input.name().trim(),
                input.quantity(),
                price,
                input.source(),
                supplier,
                purchaseOrder,
                eta.latest(),
                eta,
                status,
                PaymentState.AUTHORIZED,
                null,
                null,
                null);
    }

    private void releaseAllocations(Order order) {
        for (OrderLine line : order.lines()) {
            line.purchaseOrderNumber().ifPresent(po -> suppliers.release(po, order.id(), line.id()));
        }
    }

    private static Customer customer(NewOrder input) {
        NewOrder.NewCustomer customer = input.customer();
        String zone = customer.timeZone() != null
                ? customer.timeZone()
                : ZONE_BY_COUNTRY.getOrDefault(input.destination().country(), DEFAULT_ZONE);
        String segment = customer.segment() == null || customer.segment().isBlank()
                ? "B2C"
                : PolicyCatalog.code(customer.segment());
        return new Customer(
                customer.name().trim(),
                customer.email().trim(),
                customer.phone(),
                OrderValidation.language(customer.locale()).orElseThrow(),
                zone,
                segment);
    }

    private static DeliveryChoice delivery(NewOrder input, Instant placedAt, SegmentPolicy policy) {
        DeliveryPreference segmentDefault = DeliveryPreference.valueOf(policy.defaultPreference());
        return input.deliveryPreference() == null
                ? new DeliveryChoice(segmentDefault, "policy", placedAt, segmentDefault)
                : new DeliveryChoice(input.deliveryPreference(), "shop", placedAt, segmentDefault);
    }
}
