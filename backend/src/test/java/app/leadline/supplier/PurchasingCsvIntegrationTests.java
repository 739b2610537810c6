package app.leadline.supplier;

import static app.leadline.support.OrderInputs.anOrder;
import static app.leadline.support.OrderInputs.batch;
import static app.leadline.support.SupplierInputs.aSupplier;
import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.AgentOrders;
import app.leadline.support.Clients;
import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.OrderInputs;
import app.leadline.support.PurchasingSteps;
import app.leadline.support.TestWarehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The shop's spreadsheets: suppliers, purchase orders and receipts in, checked whole; the history out. */
@LeadlineIntegrationTest
class PurchasingCsvIntegrationTests {

    @Autowired
    Clients clients;

    private HttpGraphQlTester admin;
    private HttpGraphQlTester agent;
    private HttpGraphQlTester shop;
    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @BeforeEach
    void clients() {
        admin = clients.agent("ada", "AGENT", "ADMIN");
        agent = clients.agent("bo");
        shop = clients.withToken(clients.shopToken("orders:write purchasing:write"));
    }

    private GraphQlTester.Response run(HttpGraphQlTester caller, String mutation, String csv, boolean dryRun) {
        return caller.documentName(mutation)
                .variable("input", Map.of("csv", csv, "dryRun", dryRun))
                .execute();
    }

    private List<String> supplierCodes() {
        return agent.documentName("suppliers")
                .execute()
                .path("suppliers[*].code")
                .entityList(String.class)
                .get();
    }

    private String supplierFile() {
        return "code,name,country,contactEmail,dropships,leadTimeMinDays,leadTimeMaxDays,workingDays\n"
                + "FJORD-" + tag + ",Fjord Furniture,NO,orders@fjord.example,no,10,15,MON TUE WED THU FRI\n"
                + "\"LAMP-" + tag + "\",\"Lamps, Lights & Co\",de,sales@lamps.example,yes,2,5,\n";
    }

    @Test
    void importsSuppliersAfterAPreviewThatStoresNothing() {
        GraphQlTester.Response preview = run(admin, "importSuppliers", supplierFile(), true);

        preview.path("importSuppliers.errors").entityList(Object.class).hasSize(0);
        preview.path("importSuppliers.imported").entity(Boolean.class).isEqualTo(false);
        preview.path("importSuppliers.rows").entity(Integer.class).isEqualTo(2);
        preview.path("importSuppliers.changes[0]")
                .entity(String.class)
                .satisfies(change -> assertThat(change).startsWith("New supplier FJORD-" + tag));
        // The same as facts, which the console words in the agent's language.
        preview.path("importSuppliers.changed[0].kind").entity(String.class).isEqualTo("SUPPLIER_NEW");
        assertThat(facts(preview, "importSuppliers.changed[0]"))
                .containsEntry("code", "FJORD-" + tag)
                .containsEntry("dropships", "false")
                .containsEntry("leadTimeMinDays", "10")
                .containsEntry("workingDays", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
        assertThat(supplierCodes()).doesNotContain("FJORD-" + tag);

        run(admin, "importSuppliers", supplierFile(), false)
                .path("importSuppliers.imported")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(supplierCodes()).contains("FJORD-" + tag, "LAMP-" + tag);
        GraphQlTester.Response changed =
                run(admin, "importSuppliers", supplierFile().replace(",10,15,", ",12,18,"), true);
        changed.path("importSuppliers.changes[0]")
                .entity(String.class)
                .satisfies(change -> assertThat(change).contains("lead time 10–15 working days → 12–18"));
        changed.path("importSuppliers.changed[*].kind")
                .entityList(String.class)
                .containsExactly("SUPPLIER_CHANGED", "SUPPLIER_UNCHANGED");
        assertThat(facts(changed, "importSuppliers.changed[0]"))
                .containsEntry("before:leadTimeMinDays", "10")
                .containsEntry("leadTimeMinDays", "12")
                .containsEntry("before:name", "Fjord Furniture")
                .containsEntry("name", "Fjord Furniture");
    }

    @Test
    void aFileSavedBySpreadsheetsInDanishOrGermanSettingsImportsAsItIs() {
        // Semicolons between cells, a decimal comma in a name, and yes or no in the shop's own words.
        String csv = "code;name;country;contactEmail;dropships;leadTimeMinDays;leadTimeMaxDays\n"
                + "SEMI-" + tag + ";Møbler, Aarhus;DK;indkob@semi.example;nej;5;8\n"
                + "HALB-" + tag + ";Halbe Sachen;DE;einkauf@halb.example;ja;2;4\n";

        GraphQlTester.Response preview = run(admin, "importSuppliers", csv, true);

        preview.path("importSuppliers.errors").entityList(Object.class).hasSize(0);
        assertThat(facts(preview, "importSuppliers.changed[0]"))
                .containsEntry("name", "Møbler, Aarhus")
                .containsEntry("dropships", "false");
        assertThat(facts(preview, "importSuppliers.changed[1]")).containsEntry("dropships", "true");
    }

    /** A change's facts by name. */
    private static Map<String, String> facts(GraphQlTester.Response response, String change) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        response.path(change + ".facts")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, String>>() {})
                .get()
                .forEach(fact -> facts.put(fact.get("key"), fact.get("value")));
        return facts;
    }

    @Test
    void theReadmesSampleFilesImport() throws java.io.IOException {
        java.nio.file.Path samples = java.nio.file.Path.of("..", "docs", "samples");
        run(admin, "importSuppliers", java.nio.file.Files.readString(samples.resolve("suppliers.csv")), false)
                .path("importSuppliers.errors")
                .entityList(Object.class)
                .hasSize(0);
        GraphQlTester.Response purchaseOrders = run(
                agent,
                "importPurchaseOrders",
                java.nio.file.Files.readString(samples.resolve("purchase-orders.csv")),
                true);
        purchaseOrders
                .path("importPurchaseOrders.errors")
                .entityList(Object.class)
                .hasSize(0);
        purchaseOrders
                .path("importPurchaseOrders.changes")
                .entityList(String.class)
                .hasSize(2);
    }

    @Test
    void aFileWithAnyBadRowStoresNothingAndNamesEachProblemsRowAndColumn() {
        String csv = supplierFile()
                + "BAD-" + tag + ",Bad Country,Denmark,a@b.example,no,10,15,\n"
                + "WORSE-" + tag + ",No Number,DK,a@b.example,perhaps,ten,15,SUNDAYS\n";

        GraphQlTester.Response refused = run(admin, "importSuppliers", csv, false);

        refused.path("importSuppliers.imported").entity(Boolean.class).isEqualTo(false);
        List<Map<String, Object>> errors = refused.path("importSuppliers.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(errors)
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder(
                        "4:country:UNKNOWN_COUNTRY",
                        "5:dropships:NOT_YES_OR_NO",
                        "5:leadTimeMinDays:NOT_A_NUMBER",
                        "5:workingDays:UNKNOWN_DAY");
        assertThat(supplierCodes()).doesNotContain("FJORD-" + tag, "LAMP-" + tag);
    }

    @Test
    void aDayTheCalendarDoesNotHaveIsSaidToBeNoSuchDayNotAMisspelledDate() {
        String supplier = importedSupplier();
        String csv = "number,supplier,sku,quantity,sentOn,confirmedArrival\n"
                + "PO-FEB-" + tag + "," + supplier + ",CHAIR-FJORD,2,,2027-02-30\n"
                + "PO-DOT-" + tag + "," + supplier + ",CHAIR-FJORD,2,,30.01.2027\n";

        List<Map<String, Object>> errors = run(agent, "importPurchaseOrders", csv, true)
                .path("importPurchaseOrders.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();

        assertThat(errors)
                .extracting(e -> e.get("row") + ":" + e.get("code") + ":" + e.get("message"))
                .containsExactly(
                        "2:NO_SUCH_DAY:'2027-02-30' is written as a date, but there is no such day.",
                        "3:NOT_A_DATE:'30.01.2027' is not a date like 2026-12-24 (YYYY-MM-DD).");
    }

    @Test
    void aSkuOnAPurchaseOrderTwiceIsSaidOnItsSecondRowWithTheRowItIsOnFirst() {
        String supplier = importedSupplier();
        String csv = "number,supplier,sku,quantity,sentOn,confirmedArrival\n"
                + "PO-TWICE-" + tag + "," + supplier + ",CHAIR-FJORD,2,,\n"
                + "PO-TWICE-" + tag + "," + supplier + ",TABLE-FJORD,1,,\n"
                + "PO-TWICE-" + tag + "," + supplier + ",CHAIR-FJORD,3,,\n";

        List<Map<String, Object>> errors = run(agent, "importPurchaseOrders", csv, true)
                .path("importPurchaseOrders.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();

        assertThat(errors)
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code") + ":" + e.get("message"))
                .containsExactly(
                        "4:sku:DUPLICATE_SKU:SKU CHAIR-FJORD is on the purchase order twice: here and on row 2.");
    }

    @Test
    void aNumberPlacedBeforeIsKeptForTheSameSupplierAndRefusedForAnother() {
        String supplier = importedSupplier();
        String file = "number,supplier,sku,quantity,sentOn,confirmedArrival\n" + "PO-AGAIN-" + tag + "," + supplier
                + ",CHAIR-FJORD,2,,\n";
        run(agent, "importPurchaseOrders", file, false)
                .path("importPurchaseOrders.imported")
                .entity(Boolean.class)
                .isEqualTo(true);

        // The same file again: it stays as it is.
        run(agent, "importPurchaseOrders", file, true)
                .path("importPurchaseOrders.errors")
                .entityList(Object.class)
                .hasSize(0);
        // The number under another supplier: another purchase order, refused next to the number.
        String other = PurchasingSteps.defined(clients, aSupplier().leadTime(5, 8));
        run(agent, "importPurchaseOrders", file.replace("," + supplier + ",", "," + other + ","), true)
                .path("importPurchaseOrders.errors[0]")
                .entity(Map.class)
                .satisfies(
                        error -> assertThat(error)
                                .containsEntry("row", 2)
                                .containsEntry("column", "number")
                                .containsEntry("code", "NUMBER_TAKEN")
                                .containsEntry(
                                        "message",
                                        "Purchase order PO-AGAIN-" + tag
                                                + " exists already (from Fjord Furniture); give this one a number of its own."));
    }

    @Test
    void aFileWithoutAColumnOrWithAnUnknownOneIsRefusedAtTheHeader() {
        run(admin, "importSuppliers", "code,name,colour\nX,Y,red\n", false)
                .path("importSuppliers.errors[*].code")
                .entityList(String.class)
                .contains("UNKNOWN_COLUMN", "MISSING_COLUMN");
        run(admin, "importSuppliers", "", false)
                .path("importSuppliers.errors[0].code")
                .entity(String.class)
                .isEqualTo("EMPTY_FILE");
    }

    @Test
    void onlyAdminsImportSuppliers() {
        run(agent, "importSuppliers", supplierFile(), true)
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(supplierCodes()).doesNotContain("FJORD-" + tag);
    }

    private String importedSupplier() {
        run(admin, "importSuppliers", supplierFile(), false)
                .path("importSuppliers.imported")
                .entity(Boolean.class)
                .isEqualTo(true);
        return "FJORD-" + tag;
    }

    private GraphQlTester.Response purchaseOrder(String number) {
        return agent.documentName("purchaseOrder").variable("number", number).execute();
    }

    private String lineStatus(OrderInputs order) {
        return AgentOrders.backorderedLineStatus(agent, order);
    }

    @Test
    void theShopImportsPurchaseOrdersOneRowPerSkuAndWaitingLinesAreAllocated() {
        String supplier = importedSupplier();
        OrderInputs waiting = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        shop.documentName("placeOrders").variable("input", batch(waiting)).execute();
        String sent = LocalDate.now().minusDays(2).toString();
        String csv = "number,supplier,sku,quantity,sentOn,confirmedArrival\n"
                + "PO-" + tag + "," + supplier + ",CHAIR-" + tag + ",2," + sent + ",\n"
                + "PO-" + tag + "," + supplier + ",TABLE-" + tag + ",1," + sent + ",\n";

        // The review says first what it does to the customer waiting for a chair, as the buy list's review does.
        GraphQlTester.Response preview = run(shop, "importPurchaseOrders", csv, true);
        preview.path("importPurchaseOrders.changes[0]")
                .entity(String.class)
                .satisfies(change -> assertThat(change)
                        .contains("PO-" + tag, "(estimated)")
                        .contains("Lines waiting to be ordered that it takes: 1 (" + waiting.number() + ")")
                        .containsPattern("customers told of a new latest date: [01]"));
        preview.path("importPurchaseOrders.changed[0].kind")
                .entity(String.class)
                .isEqualTo("PURCHASE_ORDER_PLACES");
        assertThat(facts(preview, "importPurchaseOrders.changed[0]"))
                .containsEntry("number", "PO-" + tag)
                .containsEntry("units:CHAIR-" + tag, "2")
                .containsEntry("units:TABLE-" + tag, "1")
                .containsEntry("estimated", "true")
                .containsEntry("linesTaken", "1")
                .containsEntry("taking", waiting.number())
                .containsKeys("arrival", "told");
        purchaseOrder("PO-" + tag).path("purchaseOrder").valueIsNull();

        GraphQlTester.Response imported = run(shop, "importPurchaseOrders", csv, false);

        imported.path("importPurchaseOrders.errors").entityList(Object.class).hasSize(0);
        imported.path("importPurchaseOrders.changes[0]")
                .entity(String.class)
                .satisfies(change -> assertThat(change)
                        .contains("PO-" + tag, "2 × CHAIR-" + tag, "1 × TABLE-" + tag, "(estimated)"));
        // The result says what placing it did to the customer waiting, as the review said it would.
        assertThat(facts(imported, "importPurchaseOrders.changed[0]"))
                .containsEntry("linesTaken", "1")
                .containsEntry("taking", waiting.number());
        GraphQlTester.Response po = purchaseOrder("PO-" + tag);
        po.path("purchaseOrder.sentOn").entity(String.class).isEqualTo(sent);
        po.path("purchaseOrder.lines[*].ordered").entityList(Integer.class).containsExactly(2, 1);
        po.path("purchaseOrder.allocatedLines").entity(Integer.class).isEqualTo(1);
        run(shop, "importPurchaseOrders", csv, false)
                .path("importPurchaseOrders.changes[0]")
                .entity(String.class)
                .satisfies(change -> assertThat(change).contains("placed before"));
    }

    @Test
    void aFilesSecondPurchaseOrderIsNotSaidToTakeTheLinesItsFirstTakes() {
        String supplier = importedSupplier();
        OrderInputs one = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        OrderInputs three = anOrder().withLine("CHAIR-" + tag, 3, "BACKORDER", supplier);
        shop.documentName("placeOrders").variable("input", batch(one, three)).execute();
        String sent = LocalDate.now().minusDays(2).toString();
        // The first has room for the oldest order's chair only; the second for the three of the next.
        String csv = "number,supplier,sku,quantity,sentOn,confirmedArrival\n"
                + "PO-" + tag + "-A," + supplier + ",CHAIR-" + tag + ",1," + sent + ",\n"
                + "PO-" + tag + "-B," + supplier + ",CHAIR-" + tag + ",3," + sent + ",\n";

        GraphQlTester.Response preview = run(shop, "importPurchaseOrders", csv, true);

        assertThat(facts(preview, "importPurchaseOrders.changed[0]"))
                .containsEntry("linesTaken", "1")
                .containsEntry("taking", one.number());
        assertThat(facts(preview, "importPurchaseOrders.changed[1]"))
                .containsEntry("linesTaken", "1")
                .containsEntry("taking", three.number());
        // As the import then places them.
        GraphQlTester.Response imported = run(shop, "importPurchaseOrders", csv, false);
        assertThat(facts(imported, "importPurchaseOrders.changed[0]")).containsEntry("taking", one.number());
        assertThat(facts(imported, "importPurchaseOrders.changed[1]")).containsEntry("taking", three.number());
    }

    @Test
    void aBadPurchaseOrderRowStoresNoPurchaseOrderOfTheFile() {
        String supplier = importedSupplier();
        String csv = "number,supplier,sku,quantity,sentOn,confirmedArrival\n"
                + "PO-A-" + tag + "," + supplier + ",CHAIR,2,,\n"
                + "PO-B-" + tag + ",NOBODY-" + tag + ",CHAIR,1,,\n"
                + "PO-A-" + tag + "," + supplier + ",TABLE,0,,\n"
                + "PO-A-" + tag + "," + supplier + ",SOFA,x,,\n"
                + "PO-C-" + tag + "," + supplier + ",CHAIR,1," + LocalDate.now().plusDays(3) + ",\n";

        GraphQlTester.Response refused = run(agent, "importPurchaseOrders", csv, false);

        List<Map<String, Object>> errors = refused.path("importPurchaseOrders.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(errors)
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder(
                        "3:supplier:UNKNOWN_SUPPLIER",
                        "4:quantity:INVALID_QUANTITY",
                        "5:quantity:NOT_A_NUMBER",
                        "6:sentOn:SENT_IN_FUTURE");
        purchaseOrder("PO-A-" + tag).path("purchaseOrder").valueIsNull();
    }

    private void receivedSetUp(String supplier, OrderInputs first, OrderInputs second) {
        shop.documentName("placeOrders").variable("input", batch(first)).execute();
        shop.documentName("placeOrders").variable("input", batch(second)).execute();
        run(
                        shop,
                        "importPurchaseOrders",
                        // Sent a week ago: the receipts below came since.
                        "number,supplier,sku,quantity,sentOn,confirmedArrival\n" + "PO-" + tag + "," + supplier
                                + ",CHAIR-" + tag + ",2,"
                                + TestWarehouse.today().minusDays(7) + ","
                                + LocalDate.now().plusDays(5) + "\n",
                        false)
                .path("importPurchaseOrders.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void receiptsFromAFileReadyTheOldestOrderAfterAPreviewNamingIt() {
        String supplier = importedSupplier();
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        receivedSetUp(supplier, first, second);
        String yesterday = LocalDate.now().minusDays(1).toString();
        String csv = "purchaseOrder,sku,quantity,receivedOn\nPO-" + tag + ",CHAIR-" + tag + ",1," + yesterday + "\n";

        run(agent, "importReceipts", csv, true)
                .path("importReceipts.changes[0]")
                .entity(String.class)
                .satisfies(change ->
                        assertThat(change).contains("PO-" + tag, "1 line becomes ready, of order", first.number()));
        GraphQlTester.Response preview = run(agent, "importReceipts", csv, true);
        preview.path("importReceipts.changed[0].kind").entity(String.class).isEqualTo("RECEIVES");
        assertThat(facts(preview, "importReceipts.changed[0]"))
                .containsEntry("purchaseOrder", "PO-" + tag)
                .containsEntry("receivedOn", yesterday)
                .containsEntry("units:CHAIR-" + tag, "1")
                .containsEntry("linesReady", "1")
                .containsEntry("orders", first.number())
                .containsEntry("toldReady", first.number())
                .containsEntry("askedToChoose", "");
        assertThat(lineStatus(first)).isEqualTo("AWAITING_SUPPLIER");

        run(agent, "importReceipts", csv, false)
                .path("importReceipts.imported")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(List.of(lineStatus(first), lineStatus(second))).containsExactly("READY", "AWAITING_SUPPLIER");
        purchaseOrder("PO-" + tag)
                .path("purchaseOrder.receipts[0].receivedOn")
                .entity(String.class)
                .isEqualTo(yesterday);
    }

    @Test
    void receiptRowsThatTogetherExceedWhatIsStillToComeReceiveNothing() {
        String supplier = importedSupplier();
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        receivedSetUp(supplier, first, second);
        String csv = "purchaseOrder,sku,quantity,receivedOn\n"
                + "PO-" + tag + ",CHAIR-" + tag + ",1,\n"
                + "PO-" + tag + ",CHAIR-" + tag + ",2,\n"
                + "PO-" + tag + ",SOFA,1,\n"
                + "PO-NONE-" + tag + ",CHAIR,1,\n"
                + "PO-" + tag + ",CHAIR-" + tag + ",1," + TestWarehouse.today().plusDays(1) + "\n"
                // Years before the purchase order went out, placed today.
                + "PO-" + tag + ",CHAIR-" + tag + ",1,2020-01-01\n";

        GraphQlTester.Response refused = run(agent, "importReceipts", csv, false);

        List<Map<String, Object>> errors = refused.path("importReceipts.errors")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(errors)
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder(
                        "3:quantity:OVER_RECEIPT",
                        "4:sku:UNKNOWN_SKU",
                        "5:purchaseOrder:UNKNOWN_PURCHASE_ORDER",
                        "6:receivedOn:RECEIVED_IN_FUTURE",
                        "7:receivedOn:RECEIVED_BEFORE_SENT");
        assertThat(List.of(lineStatus(first), lineStatus(second)))
                .containsExactly("AWAITING_SUPPLIER", "AWAITING_SUPPLIER");
        purchaseOrder("PO-" + tag)
                .path("purchaseOrder.receipts")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void adminsExportTheHistoryWithConfirmedAndActualArrival() {
        String supplier = importedSupplier();
        OrderInputs first = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        OrderInputs second = anOrder().withBackorderedLine("CHAIR-" + tag, supplier);
        receivedSetUp(supplier, first, second);
        LocalDate confirmed = LocalDate.now().plusDays(5);
        LocalDate arrived = LocalDate.now().minusDays(1);
        run(
                agent,
                "importReceipts",
                "purchaseOrder,sku,quantity,receivedOn\nPO-" + tag + ",CHAIR-" + tag + ",1," + arrived + "\n",
                false);

        String csv = admin.documentName("purchaseOrderHistoryCsv")
                .variable("supplier", supplier)
                .execute()
                .path("purchaseOrderHistoryCsv")
                .entity(String.class)
                .get();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", PurchaseOrderHistory.COLUMNS));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).split(",", -1))
                .containsExactly(
                        "PO-" + tag,
                        supplier,
                        "OPEN",
                        "CHAIR-" + tag,
                        "2",
                        TestWarehouse.today().minusDays(7).toString(),
                        confirmed.toString(),
                        "false",
                        confirmed.toString(),
                        lines.get(1).split(",", -1)[9],
                        "1",
                        confirmed.toString(),
                        arrived.toString(),
                        "1",
                        "-6");
        agent.documentName("purchaseOrderHistoryCsv")
                .variable("supplier", supplier)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
    }
}
