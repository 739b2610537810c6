package app.leadline.console;

import app.leadline.order.OrderQueries;
import app.leadline.platform.CsvTable;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Every customer's answer to the question at the end, as a spreadsheet for admins ({@code feedbackCsv}). */
@Controller
class FeedbackExport {

    static final List<String> COLUMNS = List.of("orderNumber", "score", "comment", "answeredAt", "changedAt");

    private final OrderQueries orders;

    FeedbackExport(OrderQueries orders) {
        this.orders = orders;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    String feedbackCsv() {
        return CsvTable.write(
                COLUMNS,
                row -> orders.forEachFeedback(answer -> row.accept(List.of(
                        answer.orderNumber(),
                        answer.feedback().score(),
                        asText(answer.feedback().comment()),
                        answer.feedback().answeredAt(),
                        answer.feedback().changedAt()))));
    }

    /** A customer's comment as text a spreadsheet shows, never as a formula it would run. */
    static String asText(String comment) {
        if (comment == null) {
            return "";
        }
        return comment.isEmpty() || "=+-@\t\r".indexOf(comment.charAt(0)) < 0 ? comment : "'" + comment;
    }
}
