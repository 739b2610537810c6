package app.leadline.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;

/** The audit log as an admin reads it through the API. */
public final class AuditReads {

    private AuditReads() {}

    /** The audit log's entries of {@code action}, newest first. */
    public static List<Map<String, Object>> entries(Clients clients, String action) {
        List<Map<String, Object>> entries = clients.agent("root", "AGENT", "ADMIN")
                .documentName("auditLog")
                .execute()
                .path("auditLog")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        return entries.stream()
                .filter(entry -> action.equals(entry.get("action")))
                .toList();
    }

    /** The targets of the entries of {@code action}, newest first. */
    public static List<String> targets(Clients clients, String action) {
        return entries(clients, action).stream()
                .map(entry -> (String) entry.get("target"))
                .toList();
    }

    /** What the newest entry of {@code action} says came before, by key. */
    public static Map<String, String> before(Clients clients, String action) {
        return facts(clients, action, "before");
    }

    /** What the newest entry of {@code action} says came after, by key. */
    public static Map<String, String> after(Clients clients, String action) {
        return facts(clients, action, "after");
    }

    private static Map<String, String> facts(Clients clients, String action, String side) {
        Map<String, String> facts = new LinkedHashMap<>();
        ((List<?>) entries(clients, action).get(0).get(side))
                .forEach(pair ->
                        facts.put((String) ((Map<?, ?>) pair).get("key"), (String) ((Map<?, ?>) pair).get("value")));
        return facts;
    }
}
