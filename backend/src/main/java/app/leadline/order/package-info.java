/**
 * The order aggregate — one MongoDB document per order with its lines, shipments, timeline and tracking
 * link — and intake: the shop handing orders over. Other modules change orders through {@link
 * app.leadline.order.OrderOperations} and read what happened as {@link app.leadline.order.OrderEvent} and {@link
 * app.leadline.order.CustomerNews}; how orders are stored is internal.
 */
@ApplicationModule(allowedDependencies = {"delivery", "payment", "platform", "policy", "supplier"})
package app.leadline.order;

import org.springframework.modulith.ApplicationModule;
