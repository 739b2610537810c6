package app.leadline.supplier;

import java.time.LocalDate;

/** What an order line needs to know of the purchase order it waits for. */
public record PurchaseOrderRef(String number, LocalDate expectedArrival) {}
