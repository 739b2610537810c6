package app.leadline.promise;

import app.leadline.promise.LatenessModel.Settings;
import app.leadline.promise.LatenessModel.Spread;
import app.leadline.promise.PurchaseOrderHistory.Received;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Walks a purchase-order history in time order as it happened: each purchase order is predicted on the day it
 * was sent from the arrivals known by then only, and its own arrival is learned on the day it came. The
 * application builds its model this way, and the backtest scores the predictions it makes along the way.
 */
final class Replay {

    private Replay() {}

    /**
     * What was predicted for one purchase order on the day it was sent.
     *
     * @param leadline the model's window
     * @param lastThree the average of the supplier's last three known arrivals (all suppliers' while it has none),
     *     the habit of shop systems that estimate lead times from recent orders
     */
    record Prediction(Received order, Spread leadline, double lastThree) {}

    /** The model after learning every arrival; {@code onPrediction} sees each purchase order predicted. */
    static LatenessModel run(
            List<Received> history, Settings settings, java.util.function.Consumer<Prediction> onPrediction) {
        LatenessModel model = new LatenessModel(settings);
        List<Received> bySending = new ArrayList<>(history);
        bySending.sort(Comparator.comparing(Received::sentOn).thenComparing(Received::number));
        PriorityQueue<Pending> arriving = new PriorityQueue<>(Comparator.comparing(Pending::knownOn));
        Map<String, Deque<Integer>> lastThree = new HashMap<>();
        Deque<Integer> anyLastThree = new ArrayDeque<>();
        for (Received order : bySending) {
            while (!arriving.isEmpty() && arriving.peek().knownOn().isBefore(order.sentOn())) {
                Pending known = arriving.poll();
                Received done = known.prediction().order();
                model.learn(
                        done.supplier(),
                        done.anchor(),
                        done.days(),
                        known.prediction().leadline());
                remember(lastThree.computeIfAbsent(done.supplier(), s -> new ArrayDeque<>()), done.days());
                remember(anyLastThree, done.days());
            }
            Deque<Integer> recent = lastThree.getOrDefault(order.supplier(), anyLastThree);
            Spread window = anyLastThree.isEmpty() ? null : model.predict(order.supplier(), order.anchor());
            Prediction prediction = new Prediction(order, window, average(recent.isEmpty() ? anyLastThree : recent));
            if (window != null) {
                onPrediction.accept(prediction);
            }
            LocalDate knownOn = order.arrivedOn().isBefore(order.sentOn()) ? order.sentOn() : order.arrivedOn();
            arriving.add(new Pending(prediction, knownOn));
        }
        while (!arriving.isEmpty()) {
            Received done = arriving.peek().prediction().order();
            model.learn(
                    done.supplier(),
                    done.anchor(),
                    done.days(),
                    arriving.poll().prediction().leadline());
        }
        return model;
    }

    private static void remember(Deque<Integer> recent, int days) {
        recent.addLast(days);
        if (recent.size() > 3) {
            recent.removeFirst();
        }
    }

    private static double average(Deque<Integer> days) {
        return days.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    private record Pending(Prediction prediction, LocalDate knownOn) {}
}
