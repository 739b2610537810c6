package app.leadline.supplier;

import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order as the shop or an agent hands it over, checked by {@link Purchasing} before anything is stored.
 *
 * @param sentOn the day it went to the supplier; absent for today
 * @param confirmedArrival the arrival the supplier confirmed; absent when it has not, and its usual lead time then
 *     stands in, marked as an estimate
 */
public record NewPurchaseOrder(
        String number, String supplier, List<Line> lines, LocalDate sentOn, LocalDate confirmedArrival) {

    /** Units of one SKU bought. */
    public record Line(String sku, Integer quantity) {}
}
