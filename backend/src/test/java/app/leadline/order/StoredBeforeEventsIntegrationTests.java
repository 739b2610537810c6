package app.leadline.order;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.order.CustomerNews.DatesMoved;
import app.leadline.order.OrderEvent.Delivered;
import app.leadline.order.OrderEvent.DeliveryChosen;
import app.leadline.order.OrderEvent.EtaMoved;
import app.leadline.order.OrderEvent.Placed;
import app.leadline.order.OrderEvent.Shipped;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An order stored before events had types (a kind and a map of facts) reads as the events it recorded. */
@LeadlineIntegrationTest
class StoredBeforeEventsIntegrationTests {

    /** An order as Leadline stored it before events had types, written straight through the driver. */
    private static final String OLD_ORDER = """
            {
              "_id": "old-order-1",
              "number": "OLD-1",
              "customer": { "name": "Mette Jensen", "email": "mette@example.com", "phone": "+4520123456",
                            "locale": "da", "timeZone": "Europe/Copenhagen", "segment": "B2C" },
              "placedAt": { "$date": "2026-10-01T09:00:00Z" },
              "currency": "DKK",
              "destination": { "street": "Nørregade 1", "postalCode": "1165", "city": "København", "country": "DK" },
              "delivery": { "preference": "SHIP_AS_AVAILABLE", "chosenBy": "customer",
                            "chosenAt": { "$date": "2026-10-02T09:00:00Z" }, "segmentDefault": "WAIT_FOR_ALL" },
              "policy": { "segment": "B2C", "customerMayChoose": true, "receivingDays": [],
                          "extraParcelFee": { "$numberDecimal": "0" }, "cancelAnyUnshippedLine": false },
              "lines": [
                { "_id": "L1", "sku": "VASE-GLASS", "name": "Glass vase", "quantity": 1,
                  "unitPrice": { "$numberDecimal": "329.00" }, "source": "STOCK",
                  "promisedDate": { "$date": "2026-10-06T00:00:00Z" },
                  "eta": { "earliest": { "$date": "2026-10-05T00:00:00Z" }, "latest": { "$date": "2026-10-06T00:00:00Z" } },
                  "status": "SHIPPED", "payment": "CAPTURED" },
                { "_id": "L2", "sku": "SOFA-OSLO-3", "name": "Oslo sofa", "quantity": 1,
                  "unitPrice": { "$numberDecimal": "8995.00" }, "source": "BACKORDER", "supplier": "NORDIC-SOFA",
                  "promisedDate": { "$date": "2027-01-04T00:00:00Z" },
                  "eta": { "earliest": { "$date": "2027-01-08T00:00:00Z" }, "latest": { "$date": "2027-01-11T00:00:00Z" } },
                  "status": "AWAITING_SUPPLIER", "payment": "AUTHORIZED", "lastDelay": "delay-7" }
              ],
              "shipments": [
                { "_id": "S1", "lineIds": ["L1"], "carrier": "PostNord", "trackingNumber": "PN123456789DK",
                  "shippedAt": { "$date": "2026-10-03T09:00:00Z" }, "amountCaptured": { "$numberDecimal": "329.00" } }
              ],
              "refunds": [],
              "timeline": [
                { "type": "PLACED", "at": { "$date": "2026-10-01T09:00:00Z" }, "details": { "lines": "2" } },
                { "type": "CHOICE_MADE", "at": { "$date": "2026-10-02T09:00:00Z" },
                  "details": { "preference": "SHIP_AS_AVAILABLE", "by": "customer" } },
                { "type": "SHIPPED", "at": { "$date": "2026-10-03T09:00:00Z" },
                  "details": { "lines": "L1", "carrier": "PostNord", "trackingNumber": "PN123456789DK" } },
                { "type": "ETA_MOVED", "at": { "$date": "2026-10-04T09:00:00Z" },
                  "details": { "line": "L2", "name": "Oslo sofa", "from": "2027-01-04", "to": "2027-01-11",
                               "reason": "The factory is behind." },
                  "internalNote": "ticket 4711" }
              ],
              "pendingPayments": [],
              "notifications": [
                { "_id": "delay-7:old-order-1", "kind": "ETA_MOVED", "createdAt": { "$date": "2026-10-04T09:00:00Z" },
                  "details": { "delay": "delay-7", "lines": "L2", "reason": "The factory is behind.", "shiftDays": "7" } }
              ],
              "tracking": { "tokenHash": "hash-of-old-order-1", "expiresAt": { "$date": "2027-10-01T00:00:00Z" },
                            "revoked": false },
              "mutedChannels": [],
              "late": false,
              "version": 4
            }
            """;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OrderQueries orders;

    @Autowired
    Deliveries deliveries;

    @Autowired
    SearchKeysBackfill backfill;

    @Autowired
    Clients clients;

    private List<String> agentFinds(String term) {
        return clients.agent("dana")
                .documentName("searchOrders")
                .variable("term", term)
                .execute()
                .path("searchOrders.orders[*].number")
                .entityList(String.class)
                .get();
    }

    @Test
    void anOrderStoredBeforeSearchKeysIsFoundByPartOfTheCustomersNameOnceTheStartHasWrittenItsKeys() {
        mongo.getCollection("orders")
                .insertOne(Document.parse(OLD_ORDER
                        .replace("OLD-1", "OLD-3")
                        .replace("old-order-1", "old-order-3")
                        .replace("Mette Jensen", "Mette Kjærgaard")));
        assertThat(agentFinds("kjaer")).doesNotContain("OLD-3");

        backfill.backfill();

        assertThat(agentFinds("kjaer")).contains("OLD-3");
        assertThat(agentFinds("3")).contains("OLD-3");
    }

    @Test
    void anOrderStoredBeforeEventsHadTypesReadsAsTheEventsItRecorded() {
        mongo.getCollection("orders").insertOne(Document.parse(OLD_ORDER));

        Order order = orders.byNumber("OLD-1").orElseThrow();

        assertThat(order.timeline())
                .extracting(TimelineEvent::event)
                .containsExactly(
                        new Placed(2),
                        new DeliveryChosen(DeliveryPreference.SHIP_AS_AVAILABLE, "customer", null, null),
                        new Shipped(List.of("L1"), "PostNord", "PN123456789DK"),
                        new EtaMoved(
                                "L2",
                                "Oslo sofa",
                                LocalDate.parse("2027-01-04"),
                                LocalDate.parse("2027-01-11"),
                                "The factory is behind."));
        assertThat(order.timeline().get(3).note()).contains("ticket 4711");
        assertThat(order.notifications())
                .extracting(NotificationIntent::news)
                .containsExactly(Optional.of(new DatesMoved("delay-7", List.of("L2"), "The factory is behind.", 7)));
    }

    @Test
    void anOrderStoredBeforeEventsHadTypesTakesNewEventsAndKeepsItsOldOnes() {
        mongo.getCollection("orders")
                .insertOne(Document.parse(OLD_ORDER.replace("OLD-1", "OLD-2").replace("old-order-1", "old-order-2")));

        deliveries.markDeliveredAsReported("OLD-2", "PN123456789DK", Instant.parse("2026-10-05T12:00:00Z"));

        Order order = orders.byNumber("OLD-2").orElseThrow();
        assertThat(order.timeline())
                .extracting(TimelineEvent::event)
                .startsWith(new Placed(2))
                .endsWith(new Delivered(List.of("L1"), "PostNord", "PN123456789DK"))
                .hasSize(5);
        assertThat(order.notifications())
                .extracting(intent -> intent.news().orElseThrow())
                .containsExactly(
                        new DatesMoved("delay-7", List.of("L2"), "The factory is behind.", 7),
                        new Delivered(List.of("L1"), "PostNord", "PN123456789DK"));
    }
}
