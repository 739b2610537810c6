package app.leadline.console;

import app.leadline.platform.AuditLog;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Every agent action as the audit log kept it, for admins. */
@Controller
class AuditLogController {

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditEntryView(
            String actor,
            Instant at,
            String action,
            String target,
            List<AgentOrder.Detail> before,
            List<AgentOrder.Detail> after) {

        static AuditEntryView of(AuditLog.Entry entry) {
            return new AuditEntryView(
                    entry.actor(),
                    entry.at(),
                    entry.action(),
                    entry.target(),
                    AgentOrder.Detail.sorted(entry.before()),
                    AgentOrder.Detail.sorted(entry.after()));
        }
    }

    @QueryMapping
    List<AuditEntryView> auditLog(@Argument Integer first, @Argument Instant before) {
        return audit.read(first == null ? 50 : first, before).stream()
                .map(AuditEntryView::of)
                .toList();
    }
}
