package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The unique indexes' key order: a total order whose equal keys are exactly the keys H2 took for equal before. */
class UniqueKeyTypeTests {

    private final UniqueKeyType keys = UniqueKeyType.INSTANCE;

    /** Each key made anew at every call, so that no two keys share a value's instance. */
    private static final List<Supplier<KeyValue>> SAMPLES = List.of(
            () -> new KeyValue("N-9"),
            () -> new KeyValue("N-10"),
            () -> new KeyValue("N-10 "),
            () -> new KeyValue(""),
            () -> new KeyValue("æøå"),
            () -> new KeyValue(7),
            () -> new KeyValue(7L),
            () -> new KeyValue(-3L),
            () -> new KeyValue(7.0),
            () -> new KeyValue(true),
            () -> new KeyValue((Object) null),
            () -> new KeyValue(Missing.getInstance()),
            () -> new KeyValue(Instant.parse("2026-12-03T10:00:00Z")),
            () -> new KeyValue(UUID.fromString("5f0c6c1e-4b9e-4d35-9a55-3c2f1e0b7a11")),
            () -> new KeyValue(new ObjectId("65a1b2c3d4e5f60718293a4b")),
            () -> new KeyValue(new Document("a", 1)),
            () -> new KeyValue(new Document("a", 2)),
            () -> new KeyValue("order-1", 0L),
            () -> new KeyValue("order-1", 1L),
            () -> new KeyValue("order-1", 1),
            () -> new KeyValue("order-2", 0L),
            () -> new KeyValue("order-1", null));

    @Test
    void keysAreEqualExactlyWhenTheirSerializationsAre() {
        for (Supplier<KeyValue> a : SAMPLES) {
            for (Supplier<KeyValue> b : SAMPLES) {
                boolean sameBytes = Arrays.equals(ObjectDataType.serialize(a.get()), ObjectDataType.serialize(b.get()));
                assertThat(keys.compare(a.get(), b.get()) == 0)
                        .as("%s against %s", a.get(), b.get())
                        .isEqualTo(sameBytes);
            }
        }
    }

    @Test
    void theOrderIsTotal() {
        List<KeyValue> all = SAMPLES.stream().map(Supplier::get).toList();
        for (KeyValue a : all) {
            for (KeyValue b : all) {
                assertThat(Integer.signum(keys.compare(a, b)))
                        .as("%s against %s, and back", a, b)
                        .isEqualTo(-Integer.signum(keys.compare(b, a)));
                for (KeyValue c : all) {
                    if (keys.compare(a, b) <= 0 && keys.compare(b, c) <= 0) {
                        assertThat(keys.compare(a, c)).as("%s, %s, %s", a, b, c).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
        List<KeyValue> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(17));
        shuffled.sort(keys::compare);
        List<KeyValue> sorted = new ArrayList<>(all);
        sorted.sort(keys::compare);
        assertThat(shuffled).isEqualTo(sorted);
    }

    @Test
    void stringsAndNumbersSortByValueNotByTheirBytes() {
        // Serialized, "N-9" comes first: it is the shorter. By value, "N-10" does.
        assertThat(keys.compare(new KeyValue("N-10"), new KeyValue("N-9"))).isNegative();
        assertThat(keys.compare(new KeyValue(-3L), new KeyValue(7L))).isNegative();
        assertThat(keys.compare(new KeyValue("order-1", 0L), new KeyValue("order-1", 1L)))
                .isNegative();
    }
}
