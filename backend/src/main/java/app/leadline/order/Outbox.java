package app.leadline.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The news an order holds for its customer until it is sent. A dispatcher claims what nobody is sending for a
 * while (a lease); another dispatcher, or this one after a crash, gets it again only once the lease has run out.
 * Of what was sent, the newest {@value #SENT_KEPT} stay (the messages themselves are kept by the notification
 * module, which also sends each id once); older ones go, so that an order delayed again and again keeps a document
 * of bounded size, as its timeline does.
 */
record Outbox(List<NotificationIntent> intents) {

    static final int SENT_KEPT = 20;

    Outbox {
        intents = intents == null ? List.of() : List.copyOf(intents);
    }

    /** What a claim took, and the outbox with those intents leased. */
    record Claim(Outbox outbox, List<NotificationIntent> claimed) {}

    /**
     * The outbox with the news added. News that goods are ready to ship names every line ready to leave, so the news
     * of goods arrived that waits unsent, and that no dispatcher has taken, says nothing more and goes: a customer whose
     * order two steps of one receipt complete hears once that it ships, not first that part of it came.
     */
    Outbox with(NotificationIntent intent) {
        List<NotificationIntent> more = new ArrayList<>(intents);
        if (tells(intent, CustomerNews.ReadyToShip.class)) {
            more.removeIf(waiting -> waiting.sent().isEmpty()
                    && waiting.leaseUntil() == null
                    && (tells(waiting, CustomerNews.ReadyToShip.class)
                            || tells(waiting, CustomerNews.ChoiceNeeded.class)));
        }
        more.add(intent);
        return new Outbox(more);
    }

    /** Whether the intent tells news of this kind. */
    private static boolean tells(NotificationIntent intent, Class<? extends CustomerNews> kind) {
        return intent.news().filter(kind::isInstance).isPresent();
    }

    Claim claim(Instant now, Duration lease) {
        List<NotificationIntent> claimed = new ArrayList<>();
        List<NotificationIntent> after = intents.stream()
                .map(intent -> {
                    if (!intent.claimableAt(now)) {
                        return intent;
                    }
                    NotificationIntent leased = intent.leased(now.plus(lease));
                    claimed.add(leased);
                    return leased;
                })
                .toList();
        return new Claim(new Outbox(after), List.copyOf(claimed));
    }

    Outbox sent(String intentId, Instant at) {
        List<NotificationIntent> marked = intents.stream()
                .map(intent -> intent.id().equals(intentId) ? intent.sentAt(at) : intent)
                .toList();
        long surplus =
                marked.stream().filter(intent -> intent.sent().isPresent()).count() - SENT_KEPT;
        List<NotificationIntent> kept = new ArrayList<>(marked.size());
        for (NotificationIntent intent : marked) {
            if (surplus > 0 && intent.sent().isPresent()) {
                surplus--;
            } else {
                kept.add(intent);
            }
        }
        return new Outbox(kept);
    }
}
