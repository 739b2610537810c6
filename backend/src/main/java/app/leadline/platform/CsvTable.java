package app.leadline.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A spreadsheet the shop hands over as CSV (comma-separated, or semicolon-separated as spreadsheets in Danish,
 * German and Polish settings save it; a header row naming the columns, quotes as a spreadsheet writes them), read
 * with Apache Commons CSV. Columns are matched by name, in any order and case;
 * every problem is kept with the row it is on (the header is row 1, as the spreadsheet numbers it) and the
 * column, so the shop can fix them all at once.
 */
public final class CsvTable {

    /** At most this many rows in one file. */
    public static final int MAX_ROWS = 10_000;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    /** A problem with one cell, or with a whole row when the column is empty. */
    public record RowError(int row, String column, String code, String message) {}

    /** One row: its number in the spreadsheet and its cells by column. */
    public record Row(int number, Map<String, String> cells) {

        /** The cell, trimmed; empty when blank or absent. */
        public Optional<String> get(String column) {
            return Optional.ofNullable(cells.get(column)).filter(value -> !value.isBlank());
        }

        public String text(String column, List<RowError> errors) {
            Optional<String> value = get(column);
            if (value.isEmpty()) {
                errors.add(new RowError(number, column, "REQUIRED", "Give " + column + "."));
            }
            return value.orElse(null);
        }

        public Integer integer(String column, boolean required, List<RowError> errors) {
            Optional<String> value = get(column);
            if (value.isEmpty()) {
                if (required) {
                    errors.add(new RowError(number, column, "REQUIRED", "Give " + column + ", a whole number."));
                }
                return null;
            }
            try {
                return Integer.valueOf(value.get());
            } catch (NumberFormatException notANumber) {
                errors.add(
                        new RowError(number, column, "NOT_A_NUMBER", "'" + value.get() + "' is not a whole number."));
                return null;
            }
        }

        public LocalDate date(String column, List<RowError> errors) {
            Optional<String> value = get(column);
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value.get());
            } catch (DateTimeParseException notADate) {
                // Written as a date, a day the calendar does not have (30 February) is said to be just that.
                errors.add(
                        value.get().matches("\\d{4}-\\d{2}-\\d{2}")
                                ? new RowError(
                                        number,
                                        column,
                                        "NO_SUCH_DAY",
                                        "'" + value.get() + "' is written as a date, but there is no such day.")
                                : new RowError(
                                        number,
                                        column,
                                        "NOT_A_DATE",
                                        "'" + value.get() + "' is not a date like 2026-12-24 (YYYY-MM-DD)."));
                return null;
            }
        }

        public Boolean yesNo(String column, List<RowError> errors) {
            Optional<String> value = get(column);
            if (value.isEmpty()) {
                errors.add(new RowError(number, column, "REQUIRED", "Give " + column + ": yes or no."));
                return null;
            }
            return switch (value.get().toLowerCase(Locale.ROOT)) {
                // As the shops' staff write it too: Danish and German ja, nej and nein, Polish tak and nie.
                case "yes", "true", "y", "1", "ja", "tak" -> true;
                case "no", "false", "n", "0", "nej", "nein", "nie" -> false;
                default -> {
                    errors.add(new RowError(
                            number, column, "NOT_YES_OR_NO", "'" + value.get() + "' is neither yes nor no."));
                    yield null;
                }
            };
        }
    }

    /**
     * What an import did, or with {@code imported} false would do (a preview, or a file with errors, when nothing
     * was stored).
     *
     * @param changed one change per thing stored, in order
     */
    public record Outcome(boolean imported, int rows, List<Change> changed, List<RowError> errors) {

        public static Outcome refused(int rows, List<RowError> errors) {
            return new Outcome(false, rows, List.of(), List.copyOf(errors));
        }

        /** The changes as English sentences, one each, for scripts and logs. */
        public List<String> changes() {
            return changed.stream().map(Change::text).toList();
        }
    }

    /** A fact of a change, by name, in no language: a code, a number, a day, {@code true} or {@code false}. */
    public record Fact(String key, String value) {}

    /**
     * One change an import made, or would make: what kind of change, its facts (which the console words in the
     * agent's language), and the same said in an English sentence.
     */
    public record Change(String kind, List<Fact> facts, String text) {

        public Change {
            facts = List.copyOf(facts);
        }
    }

    /** A change's facts, to be gathered in order; a value that is null is left out. */
    public static Facts facts() {
        return new Facts();
    }

    /** A change's facts as they are gathered. */
    public static final class Facts {

        private final List<Fact> facts = new ArrayList<>();

        private Facts() {}

        /** Units of a SKU, as the fact {@code units:<SKU>}. */
        public Facts withUnits(String sku, Object quantity) {
            return with("units:" + sku, quantity);
        }

        public Facts with(String key, Object value) {
            if (value != null) {
                facts.add(new Fact(key, String.valueOf(value)));
            }
            return this;
        }

        public Change change(String kind, String text) {
            return new Change(kind, facts, text);
        }
    }

    /**
     * The character between cells: a comma, or a semicolon (or tab) when the header row has those and no comma, as a
     * spreadsheet saves CSV where the comma is the decimal mark (Danish, German and Polish settings).
     */
    private static char delimiter(String body) {
        int end = body.indexOf('\n');
        String header = end < 0 ? body : body.substring(0, end);
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        return header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /** The rows read, and what is wrong with the file as a whole or with a row's shape. */
    public record Parsed(List<Row> rows, List<RowError> errors) {}

    private CsvTable() {}

    /**
     * Reads the file. The header must name every required column and nothing unknown; a row with more cells than
     * the header has columns is an error. Cells are returned as text, to be checked by the caller.
     */
    public static Parsed parse(String csv, List<String> required, List<String> optional) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            errors.add(new RowError(1, "", "EMPTY_FILE", "The file is empty: it needs a header row and rows."));
            return new Parsed(rows, errors);
        }
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(
                new StringReader(body),
                FORMAT.builder().setDelimiter(delimiter(body)).get())) {
            Map<String, String> columns = new LinkedHashMap<>();
            Set<String> known = new java.util.HashSet<>(required);
            known.addAll(optional);
            for (String header : parser.getHeaderNames()) {
                String name = known.stream()
                        .filter(column -> column.equalsIgnoreCase(header.trim()))
                        .findFirst()
                        .orElse(null);
                if (name == null) {
                    errors.add(new RowError(
                            1,
                            header,
                            "UNKNOWN_COLUMN",
                            "Column '" + header + "' is not one of " + String.join(", ", concat(required, optional))
                                    + "."));
                } else {
                    columns.put(header, name);
                }
            }
            for (String column : required) {
                if (!columns.containsValue(column)) {
                    errors.add(new RowError(1, column, "MISSING_COLUMN", "The header has no column " + column + "."));
                }
            }
            if (!errors.isEmpty()) {
                return new Parsed(rows, errors);
            }
            List<String> headers = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                int row = (int) parser.getCurrentLineNumber();
                if (rows.size() >= MAX_ROWS) {
                    errors.add(new RowError(row, "", "TOO_MANY_ROWS", "At most " + MAX_ROWS + " rows in one file."));
                    break;
                }
                if (record.size() > headers.size()) {
                    errors.add(new RowError(
                            row,
                            "",
                            "TOO_MANY_CELLS",
                            "The row has " + record.size() + " cells; the header names " + headers.size() + "."));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String column = columns.get(headers.get(i));
                    if (column != null) {
                        cells.put(column, record.get(i));
                    }
                }
                rows.add(new Row(row, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException broken) {
            errors.add(new RowError(
                    rows.isEmpty() ? 1 : rows.get(rows.size() - 1).number() + 1,
                    "",
                    "MALFORMED_CSV",
                    "The file cannot be read as CSV after this point: "
                            + Optional.ofNullable(broken.getMessage()).orElse("unbalanced quotes?")));
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new RowError(1, "", "EMPTY_FILE", "The file has a header row but no rows."));
        }
        return new Parsed(rows, errors);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Where the rows of a spreadsheet being written come from: each row is handed on in the columns' order. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Consumer<List<?>> row);
    }

    /** A spreadsheet for the shop: a header row naming the columns, then the rows, quoted where a cell needs it. */
    public static String write(List<String> columns, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(columns.toArray(String[]::new))
                .setRecordSeparator("\n")
                .get()
                .print(out)) {
            rows.writeTo(row -> {
                try {
                    printer.printRecord(row);
                } catch (IOException cannotHappen) {
                    throw new UncheckedIOException(cannotHappen);
                }
            });
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }
}
