/**
 * Delivery promises: how long goods take to leave the warehouse and to reach the customer, and the ETA
 * windows that follow for stock, backordered and dropshipped lines.
 */
package app.leadline.delivery;
