package app.leadline.promise;

import app.leadline.promise.LatenessModel.Settings;
import app.leadline.promise.PurchaseOrderHistory.Received;
import app.leadline.promise.Replay.Prediction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Replays a purchase-order history and scores Leadline's windows beside the two estimates shops use today: the
 * average of the supplier's last three purchase orders as a point ({@code last-three}), and that point plus or
 * minus a fixed buffer chosen on the first third of the history to hold 80% there ({@code buffer}).
 *
 * <p>Run with {@code ./mvnw -q -pl backend -Pbacktest -Dbacktest.history=<file.csv>}.
 */
final class Backtest {

    private static final int YEAR_AT_LEAST = 200;

    private Backtest() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: Backtest <purchase-order-history.csv>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        List<Received> history = PurchaseOrderHistory.read(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        report(file.getFileName().toString(), history, Settings.defaults(), System.out);
    }

    /** One method's window for one purchase order, in days after its anchor, and where it really arrived. */
    record Scored(LocalDate sentOn, double from, double to, int actual) {

        boolean holds() {
            return actual >= from && actual <= to;
        }

        double width() {
            return to - from;
        }

        double middleError() {
            return Math.abs((from + to) / 2 - actual);
        }

        /** Winkler's interval score: the width, plus 2/α times how far outside the arrival fell. */
        double intervalScore(double confidence) {
            double penalty = 2 / (1 - confidence);
            return width() + penalty * Math.max(0, from - actual) + penalty * Math.max(0, actual - to);
        }
    }

    static Map<String, List<Scored>> score(List<Received> history, Settings settings) {
        List<Prediction> predictions = new ArrayList<>();
        Replay.run(history, settings, predictions::add);
        List<Prediction> firstThird = predictions.subList(0, predictions.size() / 3);
        double buffer = bufferHolding(settings.confidence(), firstThird);
        Map<String, List<Scored>> scored = new java.util.LinkedHashMap<>();
        scored.put(
                "leadline",
                predictions.stream()
                        .map(p -> scored(p, p.leadline().from(), p.leadline().to()))
                        .toList());
        scored.put(
                "last-three",
                predictions.stream()
                        .map(p -> scored(p, p.lastThree(), p.lastThree()))
                        .toList());
        scored.put(
                "buffer",
                predictions.stream()
                        .map(p -> scored(p, p.lastThree() - buffer, p.lastThree() + buffer))
                        .toList());
        return scored;
    }

    static void report(String name, List<Received> history, Settings settings, PrintStream out) {
        Map<String, List<Scored>> scored = score(history, settings);
        List<Scored> leadline = scored.get("leadline");
        out.printf(
                Locale.ROOT,
                "%s: %d purchase orders from %d suppliers, %d predicted from the history before them%n",
                name,
                history.size(),
                history.stream().map(Received::supplier).distinct().count(),
                leadline.size());
        double confidence = settings.confidence();
        scored.forEach((method, s) -> out.printf(Locale.ROOT, "coverage %s %.1f%%%n", method, 100 * share(s)));
        scored.forEach((method, s) -> out.printf(
                Locale.ROOT,
                "median-width %s %.1f days%n",
                method,
                median(s.stream().map(Scored::width).toList())));
        scored.forEach((method, s) -> out.printf(
                Locale.ROOT,
                "middle-mae %s %.1f days%n",
                method,
                s.stream().mapToDouble(Scored::middleError).average().orElse(0)));
        scored.forEach((method, s) -> out.printf(
                Locale.ROOT,
                "interval-score %s %.1f%n",
                method,
                s.stream()
                        .mapToDouble(p -> p.intervalScore(confidence))
                        .average()
                        .orElse(0)));
        scored.forEach((method, s) -> byYear(s).forEach((year, ofYear) -> {
            if (ofYear.size() >= YEAR_AT_LEAST) {
                out.printf(
                        Locale.ROOT, "coverage %s %d %.1f%% of %d%n", method, year, 100 * share(ofYear), ofYear.size());
            }
        }));
    }

    private static Scored scored(Prediction prediction, double from, double to) {
        return new Scored(
                prediction.order().sentOn(), from, to, prediction.order().days());
    }

    /** The smallest whole number of days around the last-three point that holds the share on these orders. */
    private static double bufferHolding(double share, List<Prediction> predictions) {
        List<Double> misses = predictions.stream()
                .map(p -> Math.abs(p.order().days() - p.lastThree()))
                .sorted()
                .toList();
        if (misses.isEmpty()) {
            return 0;
        }
        return Math.ceil(misses.get((int) Math.ceil(share * misses.size()) - 1));
    }

    private static Map<Integer, List<Scored>> byYear(List<Scored> scored) {
        return scored.stream()
                .collect(Collectors.groupingBy(s -> s.sentOn().getYear(), TreeMap::new, Collectors.toList()));
    }

    static double share(List<Scored> scored) {
        return scored.isEmpty()
                ? 0
                : (double) scored.stream().filter(Scored::holds).count() / scored.size();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
