package app.leadline.supplier;

import app.leadline.delivery.LeadTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A supplier the shop buys from or that dropships for it.
 *
 * @param code the shop's short code for the supplier, e.g. {@code NORDIC-SOFA}
 * @param dropshipLeadTime working days the supplier takes to dispatch a dropshipped item
 */
@Document("suppliers")
public record Supplier(@Id String code, String name, LeadTime dropshipLeadTime) {}
