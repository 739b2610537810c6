package app.leadline.delay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A delay's reason as a customer read it, in each language Leadline speaks: where the words are one of the shop's
 * reasons in some language, that reason's sentence per language. Words typed for one delay, or a reason reworded
 * since, have no other language: they read as written.
 */
@Component
public class DelayReasonTexts {

    static final List<String> LANGUAGES = List.of("en", "da", "de", "pl");

    private final DelayReasons reasons;

    DelayReasonTexts(DelayReasons reasons) {
        this.reasons = reasons;
    }

    /** The reason's sentence per language, in the order en, da, de, pl; empty when the words are no reason's. */
    public Map<String, String> of(String read) {
        if (read == null || read.isBlank()) {
            return Map.of();
        }
        for (DelayReason reason : reasons.recent()) {
            if (reason.texts().containsValue(read)) {
                Map<String, String> texts = new LinkedHashMap<>();
                LANGUAGES.forEach(language -> texts.put(language, reason.textFor(language)));
                return texts;
            }
        }
        return Map.of();
    }
}
