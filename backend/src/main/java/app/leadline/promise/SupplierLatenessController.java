package app.leadline.promise;

import app.leadline.promise.LatenessModel.Record;
import app.leadline.supplier.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Agents read how punctual each supplier has been beside its terms. */
@Controller
class SupplierLatenessController {

    private final SupplierLateness lateness;

    SupplierLatenessController(SupplierLateness lateness) {
        this.lateness = lateness;
    }

    @BatchMapping(typeName = "Supplier")
    Map<Supplier, Punctuality> punctuality(List<Supplier> suppliers) {
        SupplierLateness.Learned learned = lateness.learned();
        Map<Supplier, Punctuality> answers = new LinkedHashMap<>();
        for (Supplier supplier : suppliers) {
            Record record = learned.record(supplier.code());
            var window = learned.window(supplier.code());
            answers.put(
                    supplier,
                    new Punctuality(
                            record.history(),
                            record.history() == 0 ? null : record.onTime(),
                            record.history() == 0 ? null : record.typicalDays(),
                            window.from(),
                            window.to(),
                            window.confidence()));
        }
        return answers;
    }

    record Punctuality(
            int history,
            Double onTimeRate,
            Integer typicalDaysLate,
            int earliestDays,
            int latestDays,
            double confidence) {}
}
