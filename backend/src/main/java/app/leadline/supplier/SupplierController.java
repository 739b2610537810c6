package app.leadline.supplier;

import app.leadline.platform.UserError;
import java.security.Principal;
import java.time.DayOfWeek;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL face of suppliers: the list agents pick from, and admins' definitions. */
@Controller
class SupplierController {

    private final SupplierDefinitions definitions;

    SupplierController(SupplierDefinitions definitions) {
        this.definitions = definitions;
    }

    record LeadTimeInput(Integer minDays, Integer maxDays) {}

    record DefineSupplierInput(
            String code,
            String name,
            String country,
            String contactEmail,
            boolean dropships,
            LeadTimeInput leadTime,
            List<DayOfWeek> workingDays) {}

    record DefineSupplierPayload(Supplier supplier, Boolean created, List<UserError> errors) {}

    @QueryMapping
    List<Supplier> suppliers() {
        return definitions.all();
    }

    /** What {@code defineSupplier} would refuse, for the console's review before it offers to save. */
    @QueryMapping
    List<UserError> checkSupplier(@Argument DefineSupplierInput input) {
        return definitions.problems(definition(input));
    }

    @MutationMapping
    DefineSupplierPayload defineSupplier(@Argument DefineSupplierInput input, Principal admin) {
        SupplierDefinitions.Outcome outcome = definitions.define(definition(input), admin.getName());
        return new DefineSupplierPayload(
                outcome.supplier().orElse(null),
                outcome.errors().isEmpty() ? outcome.created() : null,
                outcome.errors());
    }

    private static SupplierDefinition definition(DefineSupplierInput input) {
        LeadTimeInput leadTime = input.leadTime() == null ? new LeadTimeInput(null, null) : input.leadTime();
        return new SupplierDefinition(
                input.code(),
                input.name(),
                input.country(),
                input.contactEmail(),
                input.dropships(),
                leadTime.minDays(),
                leadTime.maxDays(),
                input.workingDays());
    }

    @SchemaMapping(typeName = "Supplier")
    app.leadline.delivery.LeadTime leadTime(Supplier supplier) {
        return supplier.leadTime().orElse(null);
    }
}
