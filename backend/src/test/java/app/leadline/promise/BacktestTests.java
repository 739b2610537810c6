package app.leadline.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.leadline.promise.LatenessModel.Anchor;
import app.leadline.promise.LatenessModel.Settings;
import app.leadline.promise.PurchaseOrderHistory.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestTests {

    @Test
    void readsLeadlinesExportWithAByteOrderMarkAndCarriageReturns() throws Exception {
        String csv = "\uFEFFnumber,supplier,sentOn,confirmedArrival,receivedOn\r"
                + "PO-1,NORDIC-SOFA,2026-01-05,2026-01-20,2026-01-23\r"
                + "PO-2,NORDIC-SOFA,2026-01-06,,2026-01-26\r";

        List<Received> history = PurchaseOrderHistory.read(new StringReader(csv));

        assertThat(history).hasSize(2);
        assertThat(history.get(0).anchor()).isEqualTo(Anchor.CONFIRMED);
        assertThat(history.get(0).days()).isEqualTo(3);
        assertThat(history.get(1).anchor()).isEqualTo(Anchor.SENT);
        assertThat(history.get(1).days()).isEqualTo(20);
    }

    @Test
    void readsTheConsolesHistoryExportOneReceiptPerPurchaseOrderAndDay() throws Exception {
        String csv = "purchaseOrder,supplier,status,sku,ordered,sentOn,plannedArrival,plannedEstimated,"
                + "confirmedArrival,confirmedAt,confirmations,expectedArrival,receivedOn,receivedQuantity,daysLate\n"
                + "PO-1,NORDIC-SOFA,RECEIVED,SOFA,2,2026-01-05,2026-01-20,true,2026-01-22,2026-01-07T10:00:00Z,1,"
                + "2026-01-22,2026-01-23,2,1\n"
                + "PO-1,NORDIC-SOFA,RECEIVED,CHAIR,4,2026-01-05,2026-01-20,true,2026-01-22,2026-01-07T10:00:00Z,1,"
                + "2026-01-22,2026-01-23,4,1\n"
                + "PO-2,FJORD,RECEIVED,VASE,1,2026-01-06,2026-01-16,false,,,0,2026-01-16,2026-01-19,1,3\n"
                + "PO-3,FJORD,OPEN,VASE,1,2026-01-06,2026-01-26,true,,,0,2026-01-26,,,\n";

        List<Received> history = PurchaseOrderHistory.read(new StringReader(csv));

        assertThat(history).hasSize(2);
        assertThat(history.get(0).anchor()).isEqualTo(Anchor.CONFIRMED);
        assertThat(history.get(0).days()).isEqualTo(1);
        assertThat(history.get(1).anchor()).isEqualTo(Anchor.CONFIRMED);
        assertThat(history.get(1).days()).isEqualTo(3);
    }

    @Test
    void readsScmsDirectDropRowsWithTheirMixedDateForms() throws Exception {
        String csv = "\uFEFFID,PO / SO #,Fulfill Via,PO Sent to Vendor Date,Delivered to Client Date,Vendor\r"
                + "1,SCMS-1,Direct Drop,11/13/06,2-Dec-06,Acme\r"
                + "2,SCMS-1,Direct Drop,11/13/06,2-Dec-06,Acme\r"
                + "3,SO-2,From RDC,N/A - From RDC,2-Dec-06,SCMS from RDC\r"
                + "4,SCMS-3,Direct Drop,Date Not Captured,2-Dec-06,Acme\r";

        List<Received> history = PurchaseOrderHistory.read(new StringReader(csv));

        assertThat(history)
                .containsExactly(new Received(
                        "SCMS-1",
                        "Acme",
                        LocalDate.of(2006, 11, 13),
                        java.util.Optional.empty(),
                        LocalDate.of(2006, 12, 2)));
    }

    @Test
    void refusesAFileWhoseColumnsItDoesNotKnow() {
        assertThatThrownBy(() -> PurchaseOrderHistory.read(new StringReader("po,vendor\r1,a\r")))
                .hasMessageContaining("number,supplier,sentOn,confirmedArrival,receivedOn");
    }

    @Test
    void suppliersOfDifferentReliabilityGetWindowsThatBeatOneBufferForAll() {
        Random random = new Random(7);
        List<Received> history = new java.util.ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 900; i++) {
            String supplier = "S" + (i % 6);
            int spread = new int[] {1, 2, 4, 8, 12, 16}[i % 6];
            int lead = 20 + 5 * (i % 6) + (int) Math.round(random.nextGaussian() * spread) + (i > 450 ? 10 : 0);
            LocalDate sent = day.plusDays(i / 3);
            history.add(new Received("PO-" + i, supplier, sent, java.util.Optional.empty(), sent.plusDays(lead)));
        }

        var scored = Backtest.score(history, Settings.defaults());

        assertThat(Backtest.share(scored.get("leadline"))).isBetween(0.76, 0.84);
        assertThat(Backtest.share(scored.get("last-three"))).isLessThan(0.2);
        double leadlineScore = scored.get("leadline").stream()
                .mapToDouble(s -> s.intervalScore(0.8))
                .average()
                .orElseThrow();
        double bufferScore = scored.get("buffer").stream()
                .mapToDouble(s -> s.intervalScore(0.8))
                .average()
                .orElseThrow();
        assertThat(leadlineScore).isLessThan(bufferScore);
    }

    @Test
    void printsCoverageLinesForLeadlineAndBothBaselines() {
        List<Received> history = List.of(
                received("PO-1", "2026-01-01", "2026-01-11"),
                received("PO-2", "2026-01-20", "2026-01-31"),
                received("PO-3", "2026-02-10", "2026-02-19"),
                received("PO-4", "2026-03-01", "2026-03-11"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Backtest.report(
                "history.csv", history, Settings.defaults(), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("4 purchase orders from 1 suppliers, 3 predicted")
                .containsPattern("(?m)^coverage leadline \\d+\\.\\d%$")
                .containsPattern("(?m)^coverage last-three \\d+\\.\\d%$")
                .containsPattern("(?m)^coverage buffer \\d+\\.\\d%$");
    }

    private static Received received(String number, String sent, String arrived) {
        return new Received(
                number, "FJORD", LocalDate.parse(sent), java.util.Optional.empty(), LocalDate.parse(arrived));
    }
}
