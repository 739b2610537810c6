package app.leadline.order;

import app.leadline.order.CustomerNews.ChoiceNeeded;
import app.leadline.order.CustomerNews.Confirmed;
import app.leadline.order.CustomerNews.DatesMoved;
import app.leadline.order.CustomerNews.PastPromise;
import app.leadline.order.CustomerNews.ReadyToShip;
import app.leadline.order.CustomerNews.RefundApproved;
import app.leadline.order.CustomerNews.RefundRejected;
import app.leadline.order.OrderEvent.Backordered;
import app.leadline.order.OrderEvent.Delivered;
import app.leadline.order.OrderEvent.DeliveryChosen;
import app.leadline.order.OrderEvent.Dropshipped;
import app.leadline.order.OrderEvent.EtaMoved;
import app.leadline.order.OrderEvent.FeedbackGiven;
import app.leadline.order.OrderEvent.GoodsReceived;
import app.leadline.order.OrderEvent.LineCancelled;
import app.leadline.order.OrderEvent.Placed;
import app.leadline.order.OrderEvent.ReceiptReversed;
import app.leadline.order.OrderEvent.RefundDecided;
import app.leadline.order.OrderEvent.RefundRequested;
import app.leadline.order.OrderEvent.RunningLate;
import app.leadline.order.OrderEvent.Shipped;
import app.leadline.order.OrderEvent.TrackingLinkReissued;
import app.leadline.order.OrderEvent.TrackingLinkRevoked;
import app.leadline.order.OrderEvent.VerificationCodeSent;
import app.leadline.order.TimelineEvent.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of events and news: a kind and a map of facts, the shape orders have always been stored in, so
 * that documents written before the types existed read as they are. The only place that knows the keys.
 */
final class StoredEvents {

    private StoredEvents() {}

    static Type typeOf(OrderEvent event) {
        return event.accept(TYPES);
    }

    static Map<String, String> detailsOf(OrderEvent event) {
        Map<String, String> details = new LinkedHashMap<>();
        event.accept(new OrderEvent.Visitor<Void>() {
            @Override
            public Void placed(Placed event) {
                details.put("lines", String.valueOf(event.lineCount()));
                return null;
            }

            @Override
            public Void backordered(Backordered event) {
                putLine(details, event.line(), event.name(), event.latest());
                return null;
            }

            @Override
            public Void dropshipped(Dropshipped event) {
                putLine(details, event.line(), event.name(), event.latest());
                return null;
            }

            @Override
            public Void etaMoved(EtaMoved event) {
                putLineMove(details, event.line(), event.name(), event.from(), event.to());
                details.put("reason", event.reason());
                return null;
            }

            @Override
            public Void deliveryChosen(DeliveryChosen event) {
                details.put("preference", event.preference().name());
                details.put("by", event.by());
                if (event.extraShippingReserved() != null) {
                    details.put(
                            "extraShippingReserved",
                            event.extraShippingReserved().toPlainString());
                }
                if (event.extraShippingReleased() != null) {
                    details.put(
                            "extraShippingReleased",
                            event.extraShippingReleased().toPlainString());
                }
                return null;
            }

            @Override
            public Void goodsReceived(GoodsReceived event) {
                details.put("lines", joined(event.lines()));
                if (!event.before().isEmpty()) {
                    // Each line's date in the order of "lines".
                    details.put(
                            "before",
                            event.lines().stream()
                                    .map(line -> String.valueOf(event.before().get(line)))
                                    .collect(java.util.stream.Collectors.joining(",")));
                }
                return null;
            }

            @Override
            public Void receiptReversed(ReceiptReversed event) {
                details.put("purchaseOrder", event.purchaseOrder());
                details.put("lines", joined(event.lines()));
                return null;
            }

            @Override
            public Void shipped(Shipped event) {
                putParcel(details, event.lines(), event.carrier(), event.trackingNumber());
                return null;
            }

            @Override
            public Void delivered(Delivered event) {
                putParcel(details, event.lines(), event.carrier(), event.trackingNumber());
                return null;
            }

            @Override
            public Void lineCancelled(LineCancelled event) {
                details.put("line", event.line());
                details.put("name", event.name());
                details.put("amount", event.amount().toPlainString());
                return null;
            }

            @Override
            public Void refundRequested(RefundRequested event) {
                details.put("lines", joined(event.lines()));
                details.put("amount", event.amount().toPlainString());
                return null;
            }

            @Override
            public Void refundDecided(RefundDecided event) {
                details.put("decision", event.approved() ? "APPROVED" : "REJECTED");
                details.put("amount", event.amount().toPlainString());
                details.put("reason", event.reason());
                return null;
            }

            @Override
            public Void feedbackGiven(FeedbackGiven event) {
                details.put("score", String.valueOf(event.score()));
                event.comment().ifPresent(comment -> details.put("comment", comment));
                return null;
            }

            @Override
            public Void trackingLinkRevoked(TrackingLinkRevoked event) {
                return null;
            }

            @Override
            public Void trackingLinkReissued(TrackingLinkReissued event) {
                return null;
            }

            @Override
            public Void verificationCodeSent(VerificationCodeSent event) {
                details.put("channel", event.channel());
                return null;
            }

            @Override
            public Void runningLate(RunningLate event) {
                putLineMove(details, event.line(), event.name(), event.from(), event.to());
                details.put("daysOverdue", String.valueOf(event.daysOverdue()));
                return null;
            }
        });
        return Map.copyOf(details);
    }

    private static final OrderEvent.Visitor<Type> TYPES = new OrderEvent.Visitor<>() {
        @Override
        public Type placed(Placed event) {
            return Type.PLACED;
        }

        @Override
        public Type backordered(Backordered event) {
            return Type.BACKORDERED;
        }

        @Override
        public Type dropshipped(Dropshipped event) {
            return Type.DROPSHIPPED;
        }

        @Override
        public Type etaMoved(EtaMoved event) {
            return Type.ETA_MOVED;
        }

        @Override
        public Type deliveryChosen(DeliveryChosen event) {
            return Type.CHOICE_MADE;
        }

        @Override
        public Type goodsReceived(GoodsReceived event) {
            return Type.GOODS_RECEIVED;
        }

        @Override
        public Type receiptReversed(ReceiptReversed event) {
            return Type.RECEIPT_REVERSED;
        }

        @Override
        public Type shipped(Shipped event) {
            return Type.SHIPPED;
        }

        @Override
        public Type delivered(Delivered event) {
            return Type.DELIVERED;
        }

        @Override
        public Type lineCancelled(LineCancelled event) {
            return Type.LINE_CANCELLED;
        }

        @Override
        public Type refundRequested(RefundRequested event) {
            return Type.REFUND_REQUESTED;
        }

        @Override
        public Type refundDecided(RefundDecided event) {
            return Type.REFUND_DECIDED;
        }

        @Override
        public Type feedbackGiven(FeedbackGiven event) {
            return event.changed() ? Type.FEEDBACK_CHANGED : Type.FEEDBACK_GIVEN;
        }

        @Override
        public Type trackingLinkRevoked(TrackingLinkRevoked event) {
            return Type.TRACKING_LINK_REVOKED;
        }

        @Override
        public Type trackingLinkReissued(TrackingLinkReissued event) {
            return Type.TRACKING_LINK_REISSUED;
        }

        @Override
        public Type verificationCodeSent(VerificationCodeSent event) {
            return Type.VERIFICATION_CODE_SENT;
        }

        @Override
        public Type runningLate(RunningLate event) {
            return Type.RUNNING_LATE;
        }
    };

    static OrderEvent event(Type type, Map<String, String> details) {
        Map<String, String> d = details == null ? Map.of() : details;
        return switch (type) {
            case PLACED -> new Placed(Integer.parseInt(d.getOrDefault("lines", "0")));
            case BACKORDERED -> new Backordered(d.get("line"), d.get("name"), date(d.get("latest")));
            case DROPSHIPPED -> new Dropshipped(d.get("line"), d.get("name"), date(d.get("latest")));
            case ETA_MOVED ->
                new EtaMoved(
                        d.get("line"),
                        d.get("name"),
                        date(d.get("from")),
                        date(d.get("to")),
                        d.getOrDefault("reason", ""));
            case CHOICE_MADE ->
                new DeliveryChosen(
                        DeliveryPreference.valueOf(d.get("preference")),
                        d.get("by"),
                        decimalOrNull(d.get("extraShippingReserved")),
                        decimalOrNull(d.get("extraShippingReleased")));
            case GOODS_RECEIVED -> new GoodsReceived(lines(d), datesOfLines(d));
            case RECEIPT_REVERSED -> new ReceiptReversed(d.get("purchaseOrder"), lines(d));
            case SHIPPED -> new Shipped(lines(d), d.get("carrier"), d.get("trackingNumber"));
            case DELIVERED -> new Delivered(lines(d), d.get("carrier"), d.get("trackingNumber"));
            case LINE_CANCELLED -> new LineCancelled(d.get("line"), d.get("name"), amount(d));
            case REFUND_REQUESTED -> new RefundRequested(lines(d), amount(d));
            case REFUND_DECIDED ->
                new RefundDecided("APPROVED".equals(d.get("decision")), amount(d), d.getOrDefault("reason", ""));
            case FEEDBACK_GIVEN, FEEDBACK_CHANGED ->
                new FeedbackGiven(
                        Integer.parseInt(d.get("score")),
                        Optional.ofNullable(d.get("comment")),
                        type == Type.FEEDBACK_CHANGED);
            case TRACKING_LINK_REVOKED -> new TrackingLinkRevoked();
            case TRACKING_LINK_REISSUED -> new TrackingLinkReissued();
            case VERIFICATION_CODE_SENT -> new VerificationCodeSent(d.get("channel"));
            case RUNNING_LATE ->
                new RunningLate(
                        d.get("line"),
                        d.get("name"),
                        date(d.get("from")),
                        date(d.get("to")),
                        Long.parseLong(d.getOrDefault("daysOverdue", "0")));
        };
    }

    static String kindOf(CustomerNews news) {
        return news.accept(KINDS);
    }

    static Map<String, String> detailsOf(CustomerNews news) {
        Map<String, String> details = new LinkedHashMap<>();
        if (!(news instanceof Confirmed)) {
            details.put("lines", joined(news.lines()));
        }
        news.accept(new CustomerNews.Visitor<Void>() {
            @Override
            public Void confirmed(Confirmed news) {
                return null;
            }

            @Override
            public Void datesMoved(DatesMoved news) {
                putMove(details, news.cause(), news.reason(), news.shiftDays(), news.corrected());
                return null;
            }

            @Override
            public Void pastPromise(PastPromise news) {
                putMove(details, news.cause(), news.reason(), news.shiftDays(), news.corrected());
                return null;
            }

            @Override
            public Void choiceNeeded(ChoiceNeeded news) {
                return null;
            }

            @Override
            public Void readyToShip(ReadyToShip news) {
                return null;
            }

            @Override
            public Void shipped(Shipped news) {
                putParcel(details, news.lines(), news.carrier(), news.trackingNumber());
                return null;
            }

            @Override
            public Void delivered(Delivered news) {
                putParcel(details, news.lines(), news.carrier(), news.trackingNumber());
                return null;
            }

            @Override
            public Void refundApproved(RefundApproved news) {
                putRefund(details, news.amount(), news.reason());
                return null;
            }

            @Override
            public Void refundRejected(RefundRejected news) {
                putRefund(details, news.amount(), news.reason());
                return null;
            }

            @Override
            public Void cancelled(CustomerNews.Cancelled news) {
                details.put("amount", news.amount().toPlainString());
                return null;
            }
        });
        return Map.copyOf(details);
    }

    private static final CustomerNews.Visitor<String> KINDS = new CustomerNews.Visitor<>() {
        @Override
        public String confirmed(Confirmed news) {
            return "CONFIRMED";
        }

        @Override
        public String datesMoved(DatesMoved news) {
            return "ETA_MOVED";
        }

        @Override
        public String pastPromise(PastPromise news) {
            return "PAST_PROMISE";
        }

        @Override
        public String choiceNeeded(ChoiceNeeded news) {
            return "CHOICE_NEEDED";
        }

        @Override
        public String readyToShip(ReadyToShip news) {
            return "READY_TO_SHIP";
        }

        @Override
        public String shipped(Shipped news) {
            return "SHIPPED";
        }

        @Override
        public String delivered(Delivered news) {
            return "DELIVERED";
        }

        @Override
        public String refundApproved(RefundApproved news) {
            return "REFUND_APPROVED";
        }

        @Override
        public String refundRejected(RefundRejected news) {
            return "REFUND_REJECTED";
        }

        @Override
        public String cancelled(CustomerNews.Cancelled news) {
            return "CANCELLED";
        }
    };

    /** The news an intent stored in any version carries; empty for a kind this version does not know. */
    static Optional<CustomerNews> news(String kind, Map<String, String> details) {
        Map<String, String> d = details == null ? Map.of() : details;
        return Optional.ofNullable(
                switch (kind == null ? "" : kind) {
                    case "CONFIRMED" -> new Confirmed();
                    case "ETA_MOVED" ->
                        new DatesMoved(
                                d.get("delay"),
                                lines(d),
                                d.getOrDefault("reason", ""),
                                shiftDays(d),
                                ids(d.getOrDefault("corrected", "")));
                    case "PAST_PROMISE" ->
                        new PastPromise(
                                d.get("delay"),
                                lines(d),
                                d.getOrDefault("reason", ""),
                                shiftDays(d),
                                ids(d.getOrDefault("corrected", "")));
                    case "CHOICE_NEEDED" -> new ChoiceNeeded(lines(d));
                    case "READY_TO_SHIP" -> new ReadyToShip(lines(d));
                    case "SHIPPED" -> new Shipped(lines(d), d.get("carrier"), d.get("trackingNumber"));
                    case "DELIVERED" -> new Delivered(lines(d), d.get("carrier"), d.get("trackingNumber"));
                    case "REFUND_APPROVED" -> new RefundApproved(lines(d), amount(d), d.getOrDefault("reason", ""));
                    case "REFUND_REJECTED" -> new RefundRejected(lines(d), amount(d), d.getOrDefault("reason", ""));
                    case "CANCELLED" -> new CustomerNews.Cancelled(lines(d), amount(d));
                    default -> null;
                });
    }

    private static void putLine(Map<String, String> details, String line, String name, LocalDate latest) {
        details.put("line", line);
        details.put("name", name);
        details.put("latest", latest.toString());
    }

    private static void putLineMove(
            Map<String, String> details, String line, String name, LocalDate from, LocalDate to) {
        details.put("line", line);
        details.put("name", name);
        details.put("from", from.toString());
        details.put("to", to.toString());
    }

    private static void putParcel(
            Map<String, String> details, List<String> lines, String carrier, String trackingNumber) {
        details.put("lines", joined(lines));
        details.put("carrier", carrier);
        details.put("trackingNumber", trackingNumber);
    }

    private static void putMove(
            Map<String, String> details, String cause, String reason, long shiftDays, List<String> corrected) {
        details.put("delay", cause);
        details.put("reason", reason);
        details.put("shiftDays", String.valueOf(shiftDays));
        if (!corrected.isEmpty()) {
            details.put("corrected", joined(corrected));
        }
    }

    private static void putRefund(Map<String, String> details, BigDecimal amount, String reason) {
        details.put("amount", amount.toPlainString());
        details.put("reason", reason);
    }

    private static String joined(List<String> lines) {
        return String.join(",", lines);
    }

    private static List<String> lines(Map<String, String> details) {
        return ids(details.getOrDefault("lines", ""));
    }

    private static List<String> ids(String joined) {
        return Arrays.stream(joined.split(",")).filter(id -> !id.isBlank()).toList();
    }

    /** The dates in "before" by the line in the same place of "lines"; none where either is missing. */
    private static Map<String, LocalDate> datesOfLines(Map<String, String> details) {
        List<String> lines = lines(details);
        String[] dates = details.getOrDefault("before", "").split(",");
        Map<String, LocalDate> byLine = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(lines.size(), dates.length); i++) {
            if (!dates[i].isBlank() && !"null".equals(dates[i])) {
                byLine.put(lines.get(i), LocalDate.parse(dates[i]));
            }
        }
        return byLine;
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static BigDecimal decimalOrNull(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static BigDecimal amount(Map<String, String> details) {
        return new BigDecimal(details.getOrDefault("amount", "0"));
    }

    private static long shiftDays(Map<String, String> details) {
        try {
            return Long.parseLong(details.getOrDefault("shiftDays", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
