package app.leadline.promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How late each supplier tends to be, learned from its received purchase orders: a window of days after a
 * purchase order's anchor (the arrival the supplier confirmed, or the day it was sent when it confirmed none)
 * that holds the stated share of arrivals.
 *
 * <p>The window is read from the supplier's recent outcomes, with all suppliers' recent outcomes counted as a few
 * of its own so that a short history borrows from everyone's. It stays calibrated online by adaptive conformal
 * inference (Gibbs and Candès, 2021): the miscoverage level the quantiles are read at is moved after every
 * arrival, by the supplier's own step and by a smaller step all suppliers share; an arrival outside the window it
 * was promised widens the next windows, one inside narrows them, so the share inside returns to the target when
 * a supplier changes.
 */
final class LatenessModel {

    private final Settings settings;
    private final Map<Key, Track> tracks = new HashMap<>();
    private final Map<Anchor, Deque<Integer>> everyone = new EnumMap<>(Anchor.class);
    private final Map<Anchor, Deque<Integer>> deviations = new EnumMap<>(Anchor.class);
    private final Map<Anchor, Double> sharedShift = new EnumMap<>(Anchor.class);
    /**
     * Each supplier's sorted outcomes as last drawn, until the next arrival is learned: a learned model answers
     * every line of every order a batch brings, and drawing and sorting them again for each was a tenth of intake.
     * Learning happens before a model is shared, so only answers fill this from several threads.
     */
    private final Map<Key, Sample> drawn = new ConcurrentHashMap<>();

    public LatenessModel(Settings settings) {
        this.settings = settings;
    }

    /** The window for the supplier's next purchase order of this anchor, from what was learned so far. */
    public Spread predict(String supplier, Anchor anchor) {
        Sample sample = sample(supplier, anchor);
        if (sample.outcomes().isEmpty()) {
            return new Spread(0, 0, settings.confidence(), 0);
        }
        return read(sample.outcomes(), sample.level(), sample.own(), sample.weight());
    }

    /**
     * The window for a purchase order of the supplier that is already {@code atLeast} days past its anchor with
     * nothing arrived: the outcomes {@link #predict} reads, only those that came at least that late, read at the same
     * level. Empty when less than one outcome's worth was ever that late, when history says nothing about it.
     */
    public java.util.Optional<Spread> predictGiven(String supplier, Anchor anchor, int atLeast) {
        Sample sample = sample(supplier, anchor);
        List<Weighted> late =
                sample.outcomes().stream().filter(w -> w.days >= atLeast).toList();
        double weight = late.stream().mapToDouble(Weighted::weight).sum();
        if (weight < 1 - 1e-9) {
            return java.util.Optional.empty();
        }
        int own = (int) late.stream().filter(Weighted::own).count();
        return java.util.Optional.of(read(late, sample.level(), own, weight));
    }

    /** The supplier's own outcomes and everyone's borrowed ones, sorted, with the level to read them at. */
    private Sample sample(String supplier, Anchor anchor) {
        return drawn.computeIfAbsent(new Key(supplier, anchor), key -> draw(supplier, anchor));
    }

    private Sample draw(String supplier, Anchor anchor) {
        Track track = tracks.get(new Key(supplier, anchor));
        List<Weighted> sample = new ArrayList<>();
        double level = 1 - settings.confidence() + sharedShift.getOrDefault(anchor, 0.0);
        int own = track == null ? 0 : track.recent.size();
        Deque<Integer> borrowed;
        int centre;
        if (own == 0) {
            // Nothing of its own: all suppliers' outcomes as they were.
            borrowed = everyone.getOrDefault(anchor, new ArrayDeque<>());
            centre = 0;
        } else {
            // Its own outcomes, and all suppliers' deviations from their typical days placed around its typical day.
            level += track.shift;
            track.recent.forEach(days -> sample.add(new Weighted(days, 1, true)));
            borrowed = deviations.getOrDefault(anchor, new ArrayDeque<>());
            centre = median(track.recent);
        }
        if (!borrowed.isEmpty()) {
            double each = settings.poolWeight() / borrowed.size();
            borrowed.forEach(days -> sample.add(new Weighted(centre + days, each, false)));
        }
        sample.sort(Comparator.comparingInt(Weighted::days));
        return new Sample(List.copyOf(sample), level, own, own + (borrowed.isEmpty() ? 0 : settings.poolWeight()));
    }

    /** The window of the sorted outcomes at the level. */
    private Spread read(List<Weighted> sorted, double level, int own, double outcomes) {
        // The conformal quantile of n outcomes: the (1 - tail)(n + 1)/n one, so that a short history is not
        // trusted to know its own extremes.
        double tail = Math.max(0, Math.min(1, level)) / 2;
        double upper = Math.min(1, (1 - tail) * (outcomes + 1) / outcomes);
        return new Spread(quantile(sorted, 1 - upper), quantile(sorted, upper), settings.confidence(), own);
    }

    /**
     * Learns one arrival: {@code days} after its anchor. When a window was promised for it, the supplier's level is
     * moved by whether the arrival fell inside.
     */
    public void learn(String supplier, Anchor anchor, int days, Spread promised) {
        drawn.clear();
        Track track = tracks.computeIfAbsent(new Key(supplier, anchor), key -> new Track());
        if (promised != null) {
            double surplus = (1 - settings.confidence()) - (promised.holds(days) ? 0 : 1);
            track.shift += settings.step() * surplus;
            sharedShift.merge(anchor, settings.sharedStep() * surplus, Double::sum);
        }
        if (!track.recent.isEmpty()) {
            keep(
                    deviations.computeIfAbsent(anchor, a -> new ArrayDeque<>()),
                    days - median(track.recent),
                    settings.pooled());
        }
        keep(track.recent, days, settings.recent());
        keep(everyone.computeIfAbsent(anchor, a -> new ArrayDeque<>()), days, settings.pooled());
    }

    /** The supplier's record for this anchor: outcomes kept and their spread, for agents. */
    public Record record(String supplier, Anchor anchor) {
        Track track = tracks.get(new Key(supplier, anchor));
        if (track == null || track.recent.isEmpty()) {
            return new Record(0, 0, 0);
        }
        long onTime = track.recent.stream().filter(d -> d <= 0).count();
        return new Record(track.recent.size(), (double) onTime / track.recent.size(), median(track.recent));
    }

    private static int median(Deque<Integer> days) {
        List<Integer> sorted = days.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void keep(Deque<Integer> recent, int days, int limit) {
        recent.addLast(days);
        while (recent.size() > limit) {
            recent.removeFirst();
        }
    }

    /** The smallest value whose cumulative weight reaches the share {@code q} of all weight. */
    private static int quantile(List<Weighted> sorted, double q) {
        double total = sorted.stream().mapToDouble(Weighted::weight).sum();
        double reached = 0;
        for (Weighted value : sorted) {
            reached += value.weight;
            if (reached >= q * total - 1e-9) {
                return value.days;
            }
        }
        return sorted.get(sorted.size() - 1).days;
    }

    /** What a purchase order's days are counted from. */
    public enum Anchor {
        /** The arrival the supplier confirmed: days late (negative when early). */
        CONFIRMED,
        /** The day the purchase order was sent, when no arrival was confirmed: the lead time. */
        SENT
    }

    /**
     * How the model learns.
     *
     * @param confidence the share of arrivals a window is meant to hold
     * @param recent how many of a supplier's latest outcomes its window is read from
     * @param pooled how many of all suppliers' latest outcomes are borrowed from
     * @param poolWeight how many of the supplier's own outcomes all suppliers' together count as
     * @param step how far one arrival outside or inside moves the supplier's level (the γ of adaptive conformal
     *     inference)
     * @param sharedStep the same for the level all suppliers share, which keeps the windows calibrated overall while
     *     each supplier's own level follows its changes
     */
    public record Settings(
            double confidence, int recent, int pooled, double poolWeight, double step, double sharedStep) {

        public Settings {
            if (confidence <= 0 || confidence >= 1) {
                throw new IllegalArgumentException("Confidence must lie between 0 and 1, got " + confidence);
            }
            if (recent < 1 || pooled < 1 || poolWeight < 0 || step < 0 || sharedStep < 0) {
                throw new IllegalArgumentException("Lateness settings must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(0.8, 20, 300, 20, 0.01, 0.002);
        }
    }

    /**
     * A window of days after the anchor, both ends inclusive.
     *
     * @param confidence the share of such arrivals expected inside
     * @param history how many of the supplier's own outcomes it rests on
     */
    public record Spread(int from, int to, double confidence, int history) {

        public boolean holds(int days) {
            return days >= from && days <= to;
        }
    }

    /**
     * A supplier's recent record.
     *
     * @param history outcomes it rests on
     * @param onTime the share that arrived on or before the anchor
     * @param typicalDays the median days after the anchor
     */
    public record Record(int history, double onTime, int typicalDays) {}

    private record Key(String supplier, Anchor anchor) {}

    private record Weighted(int days, double weight, boolean own) {}

    /** @param weight how many outcomes the sample counts as */
    private record Sample(List<Weighted> outcomes, double level, int own, double weight) {}

    private static final class Track {
        private final Deque<Integer> recent = new ArrayDeque<>();
        private double shift;
    }
}
