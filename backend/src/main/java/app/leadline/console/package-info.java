/**
 * The agents' and admins' API behind the console: an order with its internal timeline, shipments, refund
 * decisions, the embedded outbox and the segment policies. Roles are checked here, in the service layer.
 */
package app.leadline.console;
