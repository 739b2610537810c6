package app.leadline.promise;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.promise.LatenessModel.Anchor;
import app.leadline.promise.LatenessModel.Settings;
import app.leadline.promise.LatenessModel.Spread;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatenessModelTests {

    private final LatenessModel model = new LatenessModel(Settings.defaults());
    private final Random random = new Random(13);

    @Test
    void aPunctualSupplierGetsANarrowWindowAroundItsConfirmedDate() {
        arrivals("PUNCTUAL", 40, 0, 1);

        Spread window = model.predict("PUNCTUAL", Anchor.CONFIRMED);

        assertThat(window.from()).isEqualTo(0);
        assertThat(window.to()).isEqualTo(1);
        assertThat(window.confidence()).isEqualTo(0.8);
        assertThat(window.history()).isEqualTo(20);
    }

    @Test
    void goodsAlreadyLateAreExpectedFromTheArrivalsThatWereAtLeastThatLate() {
        arrivals("PUNCTUAL", 40, 0, 1);
        arrivals("SOMETIMES", 40, 0, 12);

        Spread unconditional = model.predict("SOMETIMES", Anchor.CONFIRMED);
        Spread fiveDaysLate =
                model.predictGiven("SOMETIMES", Anchor.CONFIRMED, 5).orElseThrow();

        assertThat(fiveDaysLate.from()).isGreaterThanOrEqualTo(5);
        assertThat(fiveDaysLate.to()).isGreaterThanOrEqualTo(unconditional.to()).isLessThanOrEqualTo(12);
        assertThat(fiveDaysLate.confidence()).isEqualTo(0.8);
    }

    @Test
    void goodsLaterThanAnythingLearnedHaveNoLearnedWindow() {
        arrivals("PUNCTUAL", 40, 0, 1);

        assertThat(model.predictGiven("PUNCTUAL", Anchor.CONFIRMED, 30)).isEmpty();
    }

    @Test
    void aLateSuppliersWindowStartsWhereItsGoodsReallyCome() {
        arrivals("PUNCTUAL", 40, 0, 1);
        arrivals("LATE", 40, 10, 14);

        Spread window = model.predict("LATE", Anchor.CONFIRMED);

        assertThat(window.from()).isBetween(0, 10);
        assertThat(window.to()).isEqualTo(14);
        assertThat(model.record("LATE", Anchor.CONFIRMED).onTime()).isZero();
        assertThat(model.record("LATE", Anchor.CONFIRMED).typicalDays()).isBetween(10, 14);
    }

    @Test
    void aSupplierThatTurnsLateHalfwayIsFollowedAndStaysCalibrated() {
        int inside = 0;
        int predicted = 0;
        for (int i = 0; i < 200; i++) {
            int days = i < 100 ? random.nextInt(3) : 15 + random.nextInt(6);
            Spread window = model.predict("CHANGING", Anchor.CONFIRMED);
            if (i >= 120) {
                predicted++;
                inside += window.holds(days) ? 1 : 0;
            }
            model.learn("CHANGING", Anchor.CONFIRMED, days, window);
        }

        Spread window = model.predict("CHANGING", Anchor.CONFIRMED);
        assertThat(window.from()).isGreaterThanOrEqualTo(15);
        assertThat(window.to()).isLessThanOrEqualTo(20);
        assertThat((double) inside / predicted).isBetween(0.7, 0.95);
    }

    @Test
    void missesWidenTheNextWindowsAndHitsNarrowThem() {
        arrivals("WILD", 20, 0, 30);
        Spread before = model.predict("WILD", Anchor.CONFIRMED);

        for (int i = 0; i < 10; i++) {
            model.learn("WILD", Anchor.CONFIRMED, 15, new Spread(100, 100, 0.8, 20));
        }
        Spread afterMisses = model.predict("WILD", Anchor.CONFIRMED);

        assertThat(afterMisses.to() - afterMisses.from()).isGreaterThanOrEqualTo(before.to() - before.from());
        assertThat(afterMisses.from()).isLessThanOrEqualTo(15);
    }

    @Test
    void aSupplierWithThreeReceiptsBorrowsFromEveryone() {
        arrivals("STEADY", 60, 0, 10);
        for (int days : new int[] {4, 5, 5}) {
            model.learn("NEW", Anchor.CONFIRMED, days, null);
        }

        Spread window = model.predict("NEW", Anchor.CONFIRMED);

        assertThat(window.history()).isEqualTo(3);
        assertThat(window.from()).isLessThan(4);
        assertThat(window.to()).isGreaterThan(5);
    }

    @Test
    void aSupplierWithNoHistoryGetsEveryonesWindowAndLeadTimesAreKeptApartFromLateness() {
        arrivals("LATE", 40, 10, 14);
        for (int i = 0; i < 30; i++) {
            model.learn("LATE", Anchor.SENT, 60 + random.nextInt(5), null);
        }

        assertThat(model.predict("UNKNOWN", Anchor.CONFIRMED).to()).isBetween(10, 14);
        assertThat(model.predict("UNKNOWN", Anchor.CONFIRMED).history()).isZero();
        assertThat(model.predict("LATE", Anchor.SENT).from()).isGreaterThanOrEqualTo(60);
    }

    private void arrivals(String supplier, int count, int earliest, int latest) {
        for (int i = 0; i < count; i++) {
            int days = earliest + random.nextInt(latest - earliest + 1);
            model.learn(supplier, Anchor.CONFIRMED, days, model.predict(supplier, Anchor.CONFIRMED));
        }
    }
}
