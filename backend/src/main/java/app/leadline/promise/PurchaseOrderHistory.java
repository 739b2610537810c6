package app.leadline.promise;

import app.leadline.promise.LatenessModel.Anchor;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Received purchase orders read from a CSV file, in one of two layouts told apart by their header:
 *
 * <ul>
 *   <li>Leadline's: {@code number,supplier,sentOn,confirmedArrival,receivedOn}, one row per receipt, ISO dates,
 *       {@code confirmedArrival} empty when the supplier confirmed none;
 *   <li>the console's purchase-order history export ({@code purchaseOrderHistoryCsv});
 *   <li>USAID SCMS delivery history: its {@code Direct Drop} rows with a PO date, one purchase order per PO number and
 *       day delivered, with vendor and date sent (its scheduled dates were revised after the fact, so none counts as
 *       confirmed).
 * </ul>
 *
 * A byte-order mark, any line ending and the date forms {@code 2026-12-02}, {@code 12/2/26} and {@code 2-Dec-26}
 * are accepted.
 */
public final class PurchaseOrderHistory {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/yy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d-MMM-yy", Locale.ENGLISH));

    private PurchaseOrderHistory() {}

    /** One purchase order's goods arriving: counted from the confirmed arrival if there is one, else from sending. */
    public record Received(
            String number, String supplier, LocalDate sentOn, Optional<LocalDate> confirmed, LocalDate arrivedOn) {

        public Anchor anchor() {
            return confirmed.isPresent() ? Anchor.CONFIRMED : Anchor.SENT;
        }

        public LocalDate anchoredOn() {
            return confirmed.orElse(sentOn);
        }

        /** Days after the anchor the goods arrived. */
        public int days() {
            return (int) ChronoUnit.DAYS.between(anchoredOn(), arrivedOn);
        }
    }

    public static List<Received> read(Reader source) throws IOException {
        PushbackReader reader = new PushbackReader(source, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.contains("PO Sent to Vendor Date") && header.contains("Fulfill Via")) {
                return scms(parser);
            }
            if (header.containsAll(List.of("number", "supplier", "sentOn", "confirmedArrival", "receivedOn"))) {
                return leadline(parser);
            }
            if (header.containsAll(List.of(
                    "purchaseOrder", "supplier", "sentOn", "plannedArrival", "plannedEstimated", "receivedOn"))) {
                return exported(parser);
            }
            throw new IllegalArgumentException("Unknown purchase order history columns " + header
                    + "; expected number,supplier,sentOn,confirmedArrival,receivedOn");
        }
    }

    private static List<Received> leadline(CSVParser parser) {
        List<Received> received = new ArrayList<>();
        for (CSVRecord row : parser) {
            String confirmed = row.get("confirmedArrival");
            received.add(new Received(
                    row.get("number"),
                    row.get("supplier"),
                    date(row, "sentOn"),
                    confirmed.isBlank() ? Optional.empty() : Optional.of(date(row, "confirmedArrival")),
                    date(row, "receivedOn")));
        }
        return received;
    }

    /**
     * The console's purchase-order history export: one row per SKU and receipt, so one purchase order's receipt of
     * several SKUs on one day counts once; rows of goods not yet arrived are left out. The anchor is the arrival the
     * supplier last confirmed, else the planned arrival when it was the supplier's word rather than the lead time's.
     */
    private static List<Received> exported(CSVParser parser) {
        Set<Received> received = new LinkedHashSet<>();
        for (CSVRecord row : parser) {
            if (row.get("receivedOn").isBlank()) {
                continue;
            }
            Optional<LocalDate> confirmed = !row.get("confirmedArrival").isBlank()
                    ? Optional.of(date(row, "confirmedArrival"))
                    : "false".equalsIgnoreCase(row.get("plannedEstimated"))
                            ? Optional.of(date(row, "plannedArrival"))
                            : Optional.empty();
            received.add(new Received(
                    row.get("purchaseOrder"),
                    row.get("supplier"),
                    date(row, "sentOn"),
                    confirmed,
                    date(row, "receivedOn")));
        }
        return List.copyOf(received);
    }

    private static List<Received> scms(CSVParser parser) {
        Set<Received> received = new LinkedHashSet<>();
        for (CSVRecord row : parser) {
            if (!row.get("Fulfill Via").equals("Direct Drop")
                    || !Character.isDigit(row.get("PO Sent to Vendor Date").charAt(0))) {
                continue;
            }
            received.add(new Received(
                    row.get("PO / SO #"),
                    row.get("Vendor"),
                    date(row, "PO Sent to Vendor Date"),
                    Optional.empty(),
                    date(row, "Delivered to Client Date")));
        }
        return List.copyOf(received);
    }

    private static LocalDate date(CSVRecord row, String column) {
        String text = row.get(column);
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisForm) {
                // the next form may read it
            }
        }
        throw new IllegalArgumentException(
                "Row " + row.getRecordNumber() + ", column " + column + ": '" + text + "' is not a date");
    }
}
