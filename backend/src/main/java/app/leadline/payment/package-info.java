/**
 * The payment provider behind a port: authorise, capture, void and refund, each idempotent on the operation's
 * id. The embedded default records operations instead of moving money; a real provider plugs in behind the same
 * port.
 */
package app.leadline.payment;
