package app.leadline.console;

import app.leadline.order.SystemNote;
import java.util.List;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A note Leadline wrote for agents, as the API gives it: its facts as key and value, by key. */
@Controller
class SystemNoteFacts {

    @SchemaMapping(typeName = "SystemNote")
    List<AgentOrder.Detail> facts(SystemNote note) {
        return AgentOrder.Detail.sorted(note.facts());
    }
}
