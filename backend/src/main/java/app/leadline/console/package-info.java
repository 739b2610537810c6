/**
 * The agents' desk behind the console: an order with its internal timeline, search, shipments, refund decisions,
 * goods received, tracking links, live updates, and the audit log for admins. Roles are checked in the service
 * layer; the outbox, payments, segment policies and purchase orders answer from their own modules.
 */
package app.leadline.console;
