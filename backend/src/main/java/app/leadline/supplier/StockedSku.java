package app.leadline.supplier;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A SKU the shop keeps in stock and buys in from a supplier before it runs out: its reorder point is worked out from
 * the demand Leadline sees over the supplier's lead time, plus the safety stock the shop wants to keep.
 */
@Document("stockedSkus")
public record StockedSku(@Id String sku, String supplier, int safetyStock, Instant definedAt, String definedBy) {}
