package app.leadline.supplier;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.platform.AuditLog;
import app.leadline.support.AuditReads;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.Refusals;
import app.leadline.support.SupplierInputs;
import app.leadline.support.TestWarehouse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

@LeadlineIntegrationTest
class SupplierDefinitionIntegrationTests {

    @Autowired
    Clients clients;

    @Autowired
    SupplierCatalog catalog;

    @Autowired
    MongoTemplate mongo;

    private GraphQlTester.Response define(SupplierInputs supplier) {
        return clients.agent("ada", "AGENT", "ADMIN")
                .documentName("defineSupplier")
                .variable("input", supplier.build())
                .execute();
    }

    private GraphQlTester.Response place(OrderInputs order) {
        return clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(order))
                .execute();
    }

    @Test
    void anAdminDefinesASupplierThatAgentsThenSee() {
        SupplierInputs supplier = aSupplier().leadTime(8, 12).workingDays("MONDAY", "WEDNESDAY", "FRIDAY");

        GraphQlTester.Response defined = define(supplier);

        defined.path("defineSupplier.errors").entityList(Object.class).hasSize(0);
        defined.path("defineSupplier.created").entity(Boolean.class).isEqualTo(true);
        defined.path("defineSupplier.supplier.leadTime.maxDays")
                .entity(Integer.class)
                .isEqualTo(12);
        clients.agent("bo")
                .documentName("suppliers")
                .execute()
                .path("suppliers[?(@.code == '" + supplier.code() + "')].workingDays")
                .entityList(Object.class)
                .containsExactly(java.util.List.of("MONDAY", "WEDNESDAY", "FRIDAY"));
        assertThat(mongo.findAll(AuditLog.Entry.class)).anySatisfy(entry -> {
            assertThat(entry.action() + " " + entry.target() + " " + entry.actor())
                    .isEqualTo("DEFINE_SUPPLIER " + supplier.code() + " ada");
            // The audit log keeps the terms set, each on its own, in no language (the console words them), not a
            // record's toString.
            assertThat(entry.after())
                    .containsEntry("leadTimeMinDays", "8")
                    .containsEntry("leadTimeMaxDays", "12")
                    .containsEntry("deliversTo", "SHOP")
                    .containsEntry("workingDays", "[MONDAY, WEDNESDAY, FRIDAY]");
        });
        // The log reads the lead time from its first day to its last.
        assertThat(AuditReads.entries(clients, "DEFINE_SUPPLIER").get(0).get("after"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
                .extracting(detail -> detail.get("key"))
                .containsSubsequence("leadTimeMinDays", "leadTimeMaxDays");
    }

    @Test
    void definingTheSameCodeAgainChangesTheSupplierAndSaysItWasNotNew() {
        SupplierInputs supplier = aSupplier();
        define(supplier).path("defineSupplier.created").entity(Boolean.class).isEqualTo(true);

        GraphQlTester.Response again =
                define(supplier.with("name", "Fjord Furniture AS").leadTime(20, 25));

        again.path("defineSupplier.created").entity(Boolean.class).isEqualTo(false);
        assertThat(catalog.find(supplier.code()).orElseThrow())
                .satisfies(stored -> assertThat(stored.name()).isEqualTo("Fjord Furniture AS"))
                .satisfies(stored ->
                        assertThat(stored.backorderLeadTime().maxDays()).isEqualTo(25));
    }

    @Test
    void aBackorderedLineOfADefinedSupplierWithoutPurchaseOrderIsAcceptedAndPromisedFromItsLeadTime() {
        SupplierInputs supplier = aSupplier().leadTime(10, 15);
        define(supplier);
        LocalDate latestArrival = catalog.find(supplier.code())
                .orElseThrow()
                .arrivalIfOrderedOn(TestWarehouse.today())
                .orElseThrow()
                .latest();

        GraphQlTester.Response placed = place(anOrder().withBackorderedLine("CHAIR-NEW", supplier.code()));

        placed.path("placeOrders.errors").entityList(Object.class).hasSize(0);
        placed.path("placeOrders.orders[0].lines[1].status")
                .entity(String.class)
                .isEqualTo("AWAITING_SUPPLIER");
        placed.path("placeOrders.orders[0].lines[1].purchaseOrder").valueIsNull();
        placed.path("placeOrders.orders[0].lines[1].eta.latest")
                .entity(LocalDate.class)
                .satisfies(latest -> assertThat(latest).isAfter(latestArrival));
        placed.path("placeOrders.orders[0].lines[1].eta.earliest")
                .entity(LocalDate.class)
                .satisfies(
                        earliest -> assertThat(earliest).isAfter(LocalDate.now().plusDays(13)));
    }

    @Test
    void checkingADefinitionAnswersWhatSavingItWouldRefuseAndStoresNothing() {
        SupplierInputs supplier =
                aSupplier().with("contactEmail", "orders(at)fjord").leadTime(10, 4);
        Object stored = catalog.find(supplier.code()).orElse(null);

        GraphQlTester.Response checked = clients.agent("ada", "AGENT", "ADMIN")
                .documentName("checkSupplier")
                .variable("input", supplier.build())
                .execute();

        checked.path("checkSupplier[*].field")
                .entityList(String.class)
                .containsExactly("input.contactEmail", "input.leadTime.maxDays");
        assertThat(catalog.find(supplier.code()).orElse(null)).isEqualTo(stored);
        clients.agent("ada", "AGENT", "ADMIN")
                .documentName("checkSupplier")
                .variable("input", aSupplier().build())
                .execute()
                .path("checkSupplier")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void changingASupplierNeverRewritesPromisesAlreadyMade() {
        SupplierInputs supplier = aSupplier().leadTime(5, 6);
        define(supplier);
        String promisedBefore = place(anOrder().withBackorderedLine("CHAIR-NEW", supplier.code()))
                .path("placeOrders.orders[0].lines[1].promisedDate")
                .entity(String.class)
                .get();
        OrderInputs placedBefore = anOrder().withBackorderedLine("CHAIR-NEW", supplier.code());
        place(placedBefore);

        define(supplier.leadTime(40, 50))
                .path("defineSupplier.errors")
                .entityList(Object.class)
                .hasSize(0);

        clients.shop()
                .documentName("placeOrders")
                .variable("input", batch(placedBefore))
                .execute()
                .path("placeOrders.orders[0].lines[1].promisedDate")
                .entity(String.class)
                .isEqualTo(promisedBefore);
        place(anOrder().withBackorderedLine("CHAIR-NEW", supplier.code()))
                .path("placeOrders.orders[0].lines[1].promisedDate")
                .entity(LocalDate.class)
                .satisfies(promised -> assertThat(promised).isAfter(LocalDate.parse(promisedBefore)));
    }

    @Test
    void aDropshippingSupplierTakesDropshippedLinesWithinItsLeadTime() {
        SupplierInputs supplier = aSupplier().dropshipping().leadTime(2, 3);
        define(supplier)
                .path("defineSupplier.supplier.dropships")
                .entity(Boolean.class)
                .isEqualTo(true);

        place(anOrder().withDropshippedLine("LAMP-NEW", supplier.code()))
                .path("placeOrders.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    static Stream<Arguments> invalidSuppliers() {
        return Stream.of(
                invalid("REQUIRED", "input.code", s -> s.code(" ")),
                invalid("INVALID_CODE", "input.code", s -> s.code("NORDIC SOFA!")),
                invalid("REQUIRED", "input.name", s -> s.with("name", "")),
                invalid("TOO_LONG", "input.name", s -> s.with("name", "x".repeat(201))),
                invalid("UNKNOWN_COUNTRY", "input.country", s -> s.with("country", "Norway")),
                invalid("INVALID_EMAIL", "input.contactEmail", s -> s.with("contactEmail", "orders(at)fjord")),
                invalid("INVALID_LEAD_TIME", "input.leadTime.minDays", s -> s.leadTime(-1, 5)),
                invalid("INVALID_LEAD_TIME", "input.leadTime.maxDays", s -> s.leadTime(10, 4)),
                invalid("INVALID_LEAD_TIME", "input.leadTime.maxDays", s -> s.leadTime(10, 400)),
                invalid("NO_WORKING_DAYS", "input.workingDays", SupplierInputs::workingDays));
    }

    @Test
    void aFastestLeadTimeOutOfRangeIsSaidOnceNotAlsoAsTheSlowestBeingShorter() {
        // 1.5 or 99999999999 typed: the console sends what the API's Int cannot carry as its largest value.
        GraphQlTester.Response refused = define(aSupplier().leadTime(Integer.MAX_VALUE, 20));

        refused.path("defineSupplier.errors[?(@.code == 'INVALID_LEAD_TIME')].field")
                .entityList(String.class)
                .containsExactly("input.leadTime.minDays");
        refused.path("defineSupplier.errors[?(@.code == 'INVALID_LEAD_TIME')].message")
                .entityList(String.class)
                .containsExactly("A lead time is a whole number of working days from 0 to 365.");
    }

    private static Arguments invalid(String code, String field, UnaryOperator<SupplierInputs> change) {
        return Arguments.of(code, field, change);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("invalidSuppliers")
    void rejectsABadDefinitionWithATypedErrorNamingTheFieldAndChangesNothing(
            String code, String field, UnaryOperator<SupplierInputs> change) {
        SupplierInputs supplier = aSupplier().leadTime(3, 4);
        define(supplier);

        GraphQlTester.Response refused = define(change.apply(supplier.with("name", "Changed name")));

        refused.path("defineSupplier.supplier").valueIsNull();
        refused.path("defineSupplier.errors[*].code").entityList(String.class).contains(code);
        refused.path("defineSupplier.errors[?(@.code == '" + code + "')].field")
                .entityList(String.class)
                .contains(field);
        if (!"input.code".equals(field)) {
            assertThat(catalog.find(supplier.code()).orElseThrow())
                    .satisfies(stored -> assertThat(stored.name()).isEqualTo("Fjord Furniture"))
                    .satisfies(stored ->
                            assertThat(stored.backorderLeadTime().maxDays()).isEqualTo(4))
                    .satisfies(stored -> assertThat(stored.workingDays()).contains(DayOfWeek.MONDAY));
        }
    }

    @Test
    void onlyAdminsDefineSuppliers() {
        clients.agent("bo", "AGENT")
                .documentName("defineSupplier")
                .variable("input", aSupplier().build())
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
        clients.shop()
                .documentName("defineSupplier")
                .variable("input", aSupplier().build())
                .execute()
                .errors()
                .satisfy(Refusals.only(ErrorType.FORBIDDEN));
    }
}
