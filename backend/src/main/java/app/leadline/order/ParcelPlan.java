package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How open lines travel: what the shop sends all in one parcel, or what is ready now and the rest by when it is
 * expected; dropshipped items in their suppliers' own parcels either way.
 */
final class ParcelPlan {

    private ParcelPlan() {}

    /**
     * The parcels the open lines travel in under the preference, soonest first: the shop's, and one per dropshipping
     * supplier and window.
     */
    static List<Parcel> planned(List<OrderLine> open, DeliveryPreference preference) {
        List<OrderLine> fromShop =
                open.stream().filter(line -> !line.isDropshipped()).toList();
        List<Parcel> parcels = new ArrayList<>();
        if (!fromShop.isEmpty()) {
            parcels.addAll(
                    preference == DeliveryPreference.WAIT_FOR_ALL ? List.of(together(fromShop)) : split(fromShop));
        }
        Map<SupplierWindow, List<String>> bySupplier = new LinkedHashMap<>();
        open.stream()
                .filter(OrderLine::isDropshipped)
                .forEach(line -> bySupplier
                        .computeIfAbsent(new SupplierWindow(line.supplier(), line.eta()), key -> new ArrayList<>())
                        .add(line.id()));
        bySupplier.forEach((key, ids) -> parcels.add(new Parcel(List.copyOf(ids), key.eta())));
        parcels.sort(Comparator.comparing((Parcel parcel) -> parcel.eta().latest())
                .thenComparing(parcel -> parcel.eta().earliest()));
        return parcels;
    }

    /**
     * When the line reaches the customer: the window of the parcel it is planned in among the open lines, else (a line
     * no longer open) its own.
     */
    static EtaWindow arrivalOf(String lineId, List<OrderLine> open, DeliveryPreference preference, EtaWindow own) {
        return planned(open, preference).stream()
                .filter(parcel -> parcel.lineIds().contains(lineId))
                .findFirst()
                .map(Parcel::eta)
                .orElse(own);
    }

    /** A dropshipping supplier's parcel: its items expected in one window. */
    private record SupplierWindow(String supplier, EtaWindow eta) {}

    /** The lines in one parcel, expected when the last of them is. */
    static Parcel together(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return new Parcel(List.of(), null);
        }
        return new Parcel(
                lines.stream().map(OrderLine::id).toList(),
                EtaWindow.allOf(lines.stream().map(OrderLine::eta).toList()));
    }

    /** What is ready leaves now in one parcel; the others leave in one parcel per expected window, soonest first. */
    static List<Parcel> split(List<OrderLine> open) {
        List<OrderLine> ready = open.stream().filter(OrderLine::isReadyToLeave).toList();
        List<Parcel> parcels = new ArrayList<>();
        if (!ready.isEmpty()) {
            parcels.add(together(ready));
        }
        Map<EtaWindow, List<String>> byWindow =
                new TreeMap<>(Comparator.comparing(EtaWindow::latest).thenComparing(EtaWindow::earliest));
        open.stream()
                .filter(line -> !line.isReadyToLeave())
                .forEach(line -> byWindow.computeIfAbsent(line.eta(), key -> new ArrayList<>())
                        .add(line.id()));
        byWindow.forEach((window, ids) -> parcels.add(new Parcel(List.copyOf(ids), window)));
        return parcels;
    }
}
