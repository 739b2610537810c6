package app.leadline.delay;

import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The console's GraphQL entry for supplier delays. */
@Controller
class DelayController {

    private final SupplierDelays delays;

    DelayController(SupplierDelays delays) {
        this.delays = delays;
    }

    record DelayInput(
            DelayScope scope,
            LocalDate newDate,
            Integer daysLate,
            String reasonCode,
            String reasonText,
            String internalNote) {

        DelayRequest request() {
            return new DelayRequest(scope, newDate, daysLate, reasonCode, reasonText, internalNote);
        }
    }

    record DelayPreviewPayload(DelayPreview preview, List<UserError> errors) {}

    record LogDelayPayload(DelayReport report, List<UserError> errors) {}

    record Amount(String currency, String amount) {}

    record Translation(String language, String text) {}

    @QueryMapping
    DelayPreviewPayload previewDelay(@Argument DelayInput input, @Argument Integer listed) {
        SupplierDelays.Previewed previewed =
                listed == null ? delays.preview(input.request()) : delays.preview(input.request(), listed);
        return new DelayPreviewPayload(previewed.preview().orElse(null), previewed.errors());
    }

    @MutationMapping
    LogDelayPayload logDelay(@Argument DelayInput input, Principal agent) {
        SupplierDelays.Logged logged = delays.log(input.request(), agent.getName());
        return new LogDelayPayload(logged.report().orElse(null), logged.errors());
    }

    @QueryMapping
    DelayReport delayReport(@Argument String id) {
        return delays.report(id).orElse(null);
    }

    @QueryMapping
    List<DelayReport> delayReports(@Argument Integer last) {
        return delays.recent(last == null ? 20 : last);
    }

    record TranslationInput(String language, String text) {}

    record DelayReasonInput(String code, List<TranslationInput> texts) {}

    record DelayReasonPayload(DelayReason reason, List<UserError> errors) {}

    @MutationMapping
    DelayReasonPayload defineDelayReason(@Argument DelayReasonInput input, Principal admin) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        if (input.texts() != null) {
            input.texts().forEach(text -> texts.put(text.language(), text.text()));
        }
        SupplierDelays.Logged.ReasonDefined defined = delays.defineReason(input.code(), texts, admin.getName());
        return new DelayReasonPayload(defined.reason().orElse(null), defined.errors());
    }

    @QueryMapping
    List<DelayReason> delayReasons() {
        return delays.reasons();
    }

    @SchemaMapping(typeName = "DelayPreview", field = "orderValue")
    List<Amount> orderValue(DelayPreview preview) {
        return preview.orderValue().entrySet().stream()
                .map(entry -> new Amount(entry.getKey(), entry.getValue().toPlainString()))
                .toList();
    }

    @SchemaMapping(typeName = "DelayReason", field = "texts")
    List<Translation> texts(DelayReason reason) {
        return reason.texts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new Translation(entry.getKey(), entry.getValue()))
                .toList();
    }
}
