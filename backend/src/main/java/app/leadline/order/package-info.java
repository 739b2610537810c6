/**
 * The order aggregate — one MongoDB document per order with its lines, shipments, timeline and tracking
 * link — and intake: the shop handing orders over.
 */
package app.leadline.order;
