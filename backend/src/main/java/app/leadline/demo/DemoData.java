package app.leadline.demo;

import app.leadline.delivery.PublicHolidays;
import app.leadline.order.LineSource;
import app.leadline.order.NewOrder;
import app.leadline.order.NewOrder.NewCustomer;
import app.leadline.order.NewOrder.NewDestination;
import app.leadline.order.NewOrder.NewLine;
import app.leadline.order.SearchKeys;
import app.leadline.supplier.NewPurchaseOrder;
import app.leadline.supplier.Purchasing;
import app.leadline.supplier.SupplierDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's suppliers, purchase orders (with half a year of history) and orders, the same every time for the same
 * clock day. All of it goes in through the operations an admin, an agent and the shop use.
 */
final class DemoData {

    /** Orders whose links are printed: one per language, mixing stock, backordered and dropshipped lines. */
    static final List<String> SHOWCASE = List.of("DEMO-1001", "DEMO-1002", "DEMO-1003", "DEMO-1004", "DEMO-1005");

    /** Showcase orders whose backordered line a supplier delay pushed past its promise. */
    static final List<String> DELAYED = List.of("DEMO-1002", "DEMO-1004");

    /** Why the showcase's delayed lines moved: one of the reasons agents pick from, which customers read in their own language. */
    static final String DELAY_REASON = "SUPPLIER_BEHIND";

    /** How late the supplier of each showcase's delayed line is. */
    static final int DAYS_LATE = 9;

    private record Product(String sku, String name, String price, LineSource source, String supplier) {}

    private record Market(
            String locale,
            String country,
            String currency,
            String phonePrefix,
            List<String> names,
            List<String> cities) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("SOFA-OSLO-3", "Oslo 3-seat sofa, sand", "8995.00", LineSource.BACKORDER, "NORDIC-SOFA"),
            new Product("SOFA-BERGEN-2", "Bergen 2-seat sofa, moss", "6495.00", LineSource.BACKORDER, "NORDIC-SOFA"),
            new Product("CHAIR-AARHUS", "Aarhus lounge chair, oak", "3295.00", LineSource.BACKORDER, "BALTIC-WOOD"),
            new Product("TABLE-RIGA-180", "Riga dining table 180 cm", "5995.00", LineSource.BACKORDER, "BALTIC-WOOD"),
            new Product("LAMP-RHEIN", "Rhein floor lamp, brass", "1495.00", LineSource.DROPSHIP, "RHEIN-LICHT"),
            new Product("LAMP-MOSEL", "Mosel pendant lamp", "995.00", LineSource.DROPSHIP, "RHEIN-LICHT"),
            new Product("RUG-KRAKOW", "Kraków wool rug 200x300", "2495.00", LineSource.DROPSHIP, "WISLA-TEX"),
            new Product("CUSHION-LINEN", "Linen cushion cover, 2 pcs", "249.00", LineSource.STOCK, null),
            new Product("THROW-WOOL", "Wool throw, grey", "449.00", LineSource.STOCK, null),
            new Product("VASE-GLASS", "Hand-blown glass vase", "329.00", LineSource.STOCK, null));

    private static final List<Market> MARKETS = List.of(
            new Market(
                    "da",
                    "DK",
                    "DKK",
                    "+4520",
                    List.of("Mette Jensen", "Lars Nielsen", "Sofie Hansen", "Anders Pedersen"),
                    List.of("København", "Aarhus", "Odense")),
            new Market(
                    "de",
                    "DE",
                    "EUR",
                    "+49151",
                    List.of("Anna Müller", "Jonas Schmidt", "Lea Fischer", "Paul Weber"),
                    List.of("Berlin", "Hamburg", "München")),
            new Market(
                    "pl",
                    "PL",
                    "PLN",
                    "+48601",
                    List.of("Zofia Nowak", "Jakub Wójcik", "Maja Kowalska", "Piotr Lewandowski"),
                    List.of("Warszawa", "Kraków", "Gdańsk")),
            new Market(
                    "en",
                    "GB",
                    "GBP",
                    "+44770",
                    List.of("Olivia Smith", "George Brown", "Amelia Taylor", "Harry Wilson"),
                    List.of("London", "Leeds", "Bristol")));

    private DemoData() {}

    /** The demo's suppliers, as an admin defines them: two that deliver to the shop, two that dropship. */
    static List<SupplierDefinition> suppliers() {
        return List.of(
                new SupplierDefinition(
                        "NORDIC-SOFA", "Nordic Sofa Works", "DK", "orders@nordicsofa.example", false, 15, 25, null),
                new SupplierDefinition(
                        "BALTIC-WOOD", "Baltic Woodcraft", "LT", "sales@balticwood.example", false, 10, 15, null),
                new SupplierDefinition(
                        "RHEIN-LICHT", "Rhein Licht GmbH", "DE", "versand@rheinlicht.example", true, 2, 5, null),
                new SupplierDefinition(
                        "WISLA-TEX", "Wisła Textiles", "PL", "biuro@wislatex.example", true, 3, 7, null));
    }

    /**
     * Open purchase orders customers' backordered lines are allocated to, while they have units left; each expected on
     * a day the Danish warehouse receives goods (not on a weekend, Christmas or New Year's Day).
     */
    static List<NewPurchaseOrder> purchaseOrders(LocalDate today) {
        return List.of(
                purchaseOrder(
                        "PO-NS-2041",
                        "NORDIC-SOFA",
                        today.minusDays(10),
                        workday(today.plusDays(18)),
                        "SOFA-OSLO-3",
                        40),
                purchaseOrder(
                        "PO-NS-2042",
                        "NORDIC-SOFA",
                        today.minusDays(3),
                        workday(today.plusDays(32)),
                        "SOFA-BERGEN-2",
                        25,
                        "SOFA-OSLO-3",
                        30),
                purchaseOrder(
                        "PO-BW-0877",
                        "BALTIC-WOOD",
                        today.minusDays(6),
                        workday(today.plusDays(11)),
                        "CHAIR-AARHUS",
                        40),
                purchaseOrder(
                        "PO-BW-0878",
                        "BALTIC-WOOD",
                        today.minusDays(2),
                        workday(today.plusDays(25)),
                        "TABLE-RIGA-180",
                        40,
                        "CHAIR-AARHUS",
                        20));
    }

    /**
     * Half a year of purchase orders that arrived, every three weeks per supplier: Nordic Sofa Works keeps its
     * word (a day either way), Baltic Woodcraft is late by three to thirteen days, more often the busier it gets.
     */
    static List<Purchasing.Arrived> history(LocalDate today) {
        List<Purchasing.Arrived> history = new ArrayList<>();
        Random random = new Random(today.toEpochDay());
        for (int i = 0; i < 8; i++) {
            LocalDate sent = today.minusDays(200 - i * 21L);
            LocalDate confirmed = sent.plusDays(28);
            LocalDate arrived = confirmed.plusDays(random.nextInt(3) - 1L);
            history.add(new Purchasing.Arrived(
                    purchaseOrder(
                            "PO-NS-" + (2001 + i),
                            "NORDIC-SOFA",
                            sent,
                            confirmed,
                            "SOFA-OSLO-3",
                            20,
                            "SOFA-BERGEN-2",
                            10),
                    min(arrived, today)));
            LocalDate woodSent = sent.plusDays(7);
            LocalDate woodConfirmed = woodSent.plusDays(18);
            LocalDate woodArrived = woodConfirmed.plusDays(3L + random.nextInt(4 + i));
            history.add(new Purchasing.Arrived(
                    purchaseOrder(
                            "PO-BW-" + String.format("%04d", 801 + i),
                            "BALTIC-WOOD",
                            woodSent,
                            woodConfirmed,
                            "CHAIR-AARHUS",
                            25,
                            "TABLE-RIGA-180",
                            15),
                    min(woodArrived, today)));
        }
        return history;
    }

    /** The day, or the first after it that the Danish warehouse works. */
    static LocalDate workday(LocalDate day) {
        LocalDate working = day;
        while (working.getDayOfWeek().getValue() > 5 || PublicHolidays.isHoliday("DK", working)) {
            working = working.plusDays(1);
        }
        return working;
    }

    private static LocalDate min(LocalDate day, LocalDate today) {
        return day.isAfter(today) ? today : day;
    }

    private static NewPurchaseOrder purchaseOrder(
            String number, String supplier, LocalDate sentOn, LocalDate confirmed, Object... skuAndQuantity) {
        List<NewPurchaseOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(new NewPurchaseOrder.Line((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]));
        }
        return new NewPurchaseOrder(number, supplier, lines, sentOn, confirmed);
    }

    /**
     * The demo's orders as the shop hands them over. An order of backordered lines only waits for its purchase
     * orders and may be up to six days old. An order with a line from stock or straight from a supplier is placed
     * no earlier than {@code leavingWithNow}, the earliest moment whose order leaves the warehouse on the same day as
     * one placed now: the shop ships what is due each day, so an older one would have left, and the promise watch
     * would find it overtaken and tell its customer.
     */
    static List<NewOrder> orders(int count, Instant now, Instant leavingWithNow) {
        Random random = new Random(now.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
        List<NewOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Market market = MARKETS.get(i < SHOWCASE.size() ? showcaseMarket(i) : random.nextInt(MARKETS.size()));
            List<NewLine> lines = i < SHOWCASE.size() ? showcaseLines(i) : randomLines(random);
            String name = market.names().get(random.nextInt(market.names().size()));
            String number = "DEMO-" + (1001 + i);
            long backorderedWithin = Duration.ofDays(6).toMinutes();
            long within = lines.stream().allMatch(line -> line.source() == LineSource.BACKORDER)
                    ? backorderedWithin
                    : Math.min(
                            backorderedWithin,
                            Duration.between(leavingWithNow, now).toMinutes());
            Instant placedAt = now.minus(Duration.ofMinutes(random.nextInt((int) within + 1)));
            orders.add(new NewOrder(
                    number,
                    placedAt,
                    market.currency(),
                    new NewCustomer(
                            name,
                            mailbox(name) + "." + (1001 + i) + "@example.com",
                            market.phonePrefix() + String.format("%06d", random.nextInt(1_000_000)),
                            market.locale(),
                            null,
                            i >= SHOWCASE.size() && i % 7 == 0 ? "B2B" : "B2C"),
                    new NewDestination(
                            (random.nextInt(120) + 1) + " " + "Demo Street",
                            String.valueOf(10000 + random.nextInt(89999)),
                            market.cities().get(random.nextInt(market.cities().size())),
                            market.country()),
                    null,
                    lines,
                    // Demo orders stand for orders placed before Leadline ran: no confirmations for them.
                    false));
        }
        return orders;
    }

    /**
     * A customer's name as the part of an address before the @, written as agents' search writes it: "Jakub Wójcik"
     * is jakub.wojcik, not jakub.w.jcik.
     */
    static String mailbox(String name) {
        return SearchKeys.normal(name).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
    }

    private static int showcaseMarket(int i) {
        return new int[] {3, 1, 0, 2, 3}[i];
    }

    private static List<NewLine> showcaseLines(int i) {
        return switch (i) {
            case 0 -> lines(PRODUCTS.get(7), PRODUCTS.get(0), PRODUCTS.get(4));
            case 1 -> lines(PRODUCTS.get(8), PRODUCTS.get(2), PRODUCTS.get(6));
            case 2 -> lines(PRODUCTS.get(3), PRODUCTS.get(9));
            case 3 -> lines(PRODUCTS.get(1), PRODUCTS.get(5), PRODUCTS.get(7));
            default -> lines(PRODUCTS.get(8), PRODUCTS.get(9));
        };
    }

    private static List<NewLine> randomLines(Random random) {
        int count = 1 + random.nextInt(3);
        List<Product> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            if (!chosen.contains(product)) {
                chosen.add(product);
            }
        }
        return lines(chosen.toArray(Product[]::new));
    }

    private static List<NewLine> lines(Product... products) {
        List<NewLine> lines = new ArrayList<>();
        for (Product product : products) {
            int quantity = product.source() == LineSource.STOCK ? 2 : 1;
            lines.add(new NewLine(
                    product.sku(), product.name(), quantity, product.price(), product.source(), product.supplier()));
        }
        return lines;
    }
}
