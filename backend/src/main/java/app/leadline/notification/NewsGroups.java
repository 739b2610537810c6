package app.leadline.notification;

import app.leadline.order.CustomerNews;
import app.leadline.order.CustomerNews.ChoiceNeeded;
import app.leadline.order.CustomerNews.DatesMoved;
import app.leadline.order.CustomerNews.PastPromise;
import app.leadline.order.CustomerNews.ReadyToShip;
import app.leadline.order.LineStatus;
import app.leadline.order.NotificationIntent;
import app.leadline.order.Order;
import app.leadline.order.OrderEvent;
import app.leadline.order.OrderLine;
import app.leadline.order.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An order's unsent news as its customer gets it: one message for several news of one kind (their lines together),
 * and dates moved and dates past the promise as one story, told as the lines stand when it goes out, against the
 * dates they had before it began (a delay withdrawn before its news went out tells nothing); news that lines are
 * ready, of those still ready (a receipt taken back meanwhile tells nothing). The dispatcher sends by it; the agents'
 * list of held news shows by it.
 */
final class NewsGroups {

    private NewsGroups() {}

    /** One message to go: the news told, and the intents it answers for (oldest first). */
    record Group(List<NotificationIntent> intents, List<CustomerNews> told) {

        /**
         * The id its messages are sent under, which the outbox sends once: the intent's own when alone (as it always
         * was), otherwise one derived from all of them. A retry of the same group after a crash is refused; a group
         * that news joined since is news, and goes.
         */
        String key() {
            NotificationIntent first = intents.get(0);
            if (intents.size() == 1) {
                return first.id();
            }
            String all = intents.stream().map(NotificationIntent::id).collect(Collectors.joining("\n"));
            return first.id() + "+" + UUID.nameUUIDFromBytes(all.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The order's intents in groups of one kind each; intents of a kind this version no longer tells are left out. */
    static List<Group> of(Order order, List<NotificationIntent> intents) {
        Map<Object, List<NotificationIntent>> byKind = new LinkedHashMap<>();
        for (NotificationIntent intent : intents) {
            intent.news()
                    .ifPresent(news -> byKind.computeIfAbsent(
                                    news instanceof PastPromise ? DatesMoved.class : news.getClass(),
                                    kind -> new ArrayList<>())
                            .add(intent));
        }
        List<Group> groups = new ArrayList<>();
        for (List<NotificationIntent> group : byKind.values()) {
            CustomerNews merged = merged(group);
            List<CustomerNews> told;
            if (merged instanceof DatesMoved || merged instanceof PastPromise) {
                told = asTheyStand(
                        order, merged, heardUntil(order, intents, group.get(0).createdAt()));
            } else if (merged instanceof ReadyToShip || merged instanceof ChoiceNeeded) {
                told = stillReady(order, merged);
            } else {
                told = List.of(merged);
            }
            groups.add(new Group(group, told));
        }
        return groups;
    }

    /** One message for several news of one kind: their lines together, the newest of everything else. */
    private static CustomerNews merged(List<NotificationIntent> group) {
        List<CustomerNews> news =
                group.stream().map(intent -> intent.news().orElseThrow()).toList();
        Set<String> lines = new LinkedHashSet<>();
        news.forEach(one -> lines.addAll(one.lines()));
        CustomerNews newest = news.get(news.size() - 1).withLines(List.copyOf(lines));
        long shiftDays = news.stream().mapToLong(NewsGroups::shiftDays).sum();
        if (newest instanceof DatesMoved moved) {
            return new DatesMoved(moved.cause(), moved.lines(), moved.reason(), shiftDays);
        }
        if (newest instanceof PastPromise past) {
            return new PastPromise(past.cause(), past.lines(), past.reason(), shiftDays);
        }
        // Money told once for several: what they come to together, not the newest's alone.
        if (newest instanceof CustomerNews.Cancelled cancelled) {
            return new CustomerNews.Cancelled(
                    cancelled.lines(), sum(news, CustomerNews.Cancelled.class, CustomerNews.Cancelled::amount));
        }
        if (newest instanceof CustomerNews.RefundApproved approved) {
            return new CustomerNews.RefundApproved(
                    approved.lines(),
                    sum(news, CustomerNews.RefundApproved.class, CustomerNews.RefundApproved::amount),
                    approved.reason());
        }
        return newest;
    }

    private static <T extends CustomerNews> java.math.BigDecimal sum(
            List<CustomerNews> news, Class<T> kind, Function<T, java.math.BigDecimal> amount) {
        return news.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .map(amount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    /**
     * For each line, since when its customer has heard nothing of its dates: when the dates news began, or earlier
     * when news that the line was ready waits unsent beside it and will tell nothing (the receipt was taken back
     * meanwhile, in the customer's quiet hours say), since the customer never heard the date the receipt gave it.
     */
    private static Function<String, Instant> heardUntil(
            Order order, List<NotificationIntent> unsent, Instant newsBegan) {
        Map<String, Instant> since = new LinkedHashMap<>();
        for (NotificationIntent intent : unsent) {
            Optional<CustomerNews> news = intent.news();
            if (news.isEmpty() || !(news.get() instanceof ReadyToShip || news.get() instanceof ChoiceNeeded)) {
                continue;
            }
            for (String id : news.get().lines()) {
                if (!isReady(order, id) && intent.createdAt().isBefore(since.getOrDefault(id, newsBegan))) {
                    since.put(id, intent.createdAt());
                }
            }
        }
        return id -> since.getOrDefault(id, newsBegan);
    }

    /**
     * Dates news as the lines stand now: lines that left or were cancelled since are not told about (their own news
     * says so), nor those back on the date they had before the news began; of the others, those now past their
     * promise are told so, the rest that their dates moved, by as many days as they moved in all.
     */
    private static List<CustomerNews> asTheyStand(Order order, CustomerNews merged, Function<String, Instant> since) {
        List<String> late = new ArrayList<>();
        List<String> onTime = new ArrayList<>();
        Set<String> corrected = toldReadyByMistake(order, merged.lines());
        long shift = 0;
        for (String id : merged.lines()) {
            Optional<OrderLine> open = order.lines().stream()
                    .filter(line -> line.id().equals(id) && line.isOpen())
                    .findFirst();
            if (open.isEmpty()) {
                continue;
            }
            LocalDate latest = open.get().eta().latest();
            Optional<LocalDate> before = order.latestBefore(id, since.apply(id));
            // A line back on its date is not worth a message, unless the customer was told it was ready.
            if (before.isPresent() && before.get().equals(latest) && !corrected.contains(id)) {
                continue;
            }
            shift = Math.max(
                    shift,
                    before.map(date -> Math.abs(ChronoUnit.DAYS.between(date, latest)))
                            .orElse(shiftDays(merged)));
            (open.get().isLate() ? late : onTime).add(id);
        }
        String cause = merged instanceof PastPromise past ? past.cause() : ((DatesMoved) merged).cause();
        String reason = merged instanceof PastPromise past ? past.reason() : ((DatesMoved) merged).reason();
        List<CustomerNews> told = new ArrayList<>();
        if (!onTime.isEmpty()) {
            told.add(new DatesMoved(cause, onTime, reason, shift, among(corrected, onTime)));
        }
        if (!late.isEmpty()) {
            told.add(new PastPromise(cause, late, reason, shift, among(corrected, late)));
        }
        return told;
    }

    private static List<String> among(Set<String> corrected, List<String> lines) {
        return lines.stream().filter(corrected::contains).toList();
    }

    /**
     * The lines the customer was told were ready (the news went out) before the receipt that made them so was taken
     * back, and told nothing of their dates since: their next dates message says the first was a mistake.
     */
    private static Set<String> toldReadyByMistake(Order order, List<String> lines) {
        Set<String> corrected = new LinkedHashSet<>();
        for (TimelineEvent entry : order.timeline()) {
            if (entry.event() instanceof OrderEvent.ReceiptReversed reversed) {
                Instant at = entry.at();
                reversed.lines().stream()
                        .filter(lines::contains)
                        .filter(id -> told(order, id, sent -> sent.isBefore(at), NewsGroups::saysReady))
                        .filter(id -> !told(order, id, sent -> sent.isAfter(at), NewsGroups::saysDates))
                        .forEach(corrected::add);
            }
        }
        return corrected;
    }

    private static boolean saysReady(CustomerNews news) {
        return news instanceof ReadyToShip || news instanceof ChoiceNeeded;
    }

    private static boolean saysDates(CustomerNews news) {
        return news instanceof DatesMoved || news instanceof PastPromise;
    }

    /** Whether news of the kind about the line went out when {@code sentWhen} says. */
    private static boolean told(Order order, String lineId, Predicate<Instant> sentWhen, Predicate<CustomerNews> kind) {
        return order.notifications().stream()
                .anyMatch(intent -> intent.sent().filter(sentWhen).isPresent()
                        && intent.news()
                                .filter(kind)
                                .filter(news -> news.lines().contains(lineId))
                                .isPresent());
    }

    /**
     * News that lines are ready, told of the lines still ready when it goes out: a receipt taken back, or a parcel
     * that left meanwhile, leaves nothing to tell of those.
     */
    private static List<CustomerNews> stillReady(Order order, CustomerNews merged) {
        List<String> ready =
                merged.lines().stream().filter(id -> isReady(order, id)).toList();
        return ready.isEmpty() ? List.of() : List.of(merged.withLines(ready));
    }

    private static boolean isReady(Order order, String lineId) {
        return order.lines().stream().anyMatch(line -> line.id().equals(lineId) && line.status() == LineStatus.READY);
    }

    static long shiftDays(CustomerNews news) {
        if (news instanceof DatesMoved moved) {
            return moved.shiftDays();
        }
        return news instanceof PastPromise past ? past.shiftDays() : 0;
    }
}
