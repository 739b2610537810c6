/**
 * Supplier delays: an agent logs one delay for a purchase order, a SKU at a supplier or all open lines of a
 * supplier, sees a preview, and confirms; a resumable job then moves every affected line's ETA, records the event
 * and queues one notification per order, walking the purchase orders' allocations in chunks.
 */
package app.leadline.delay;
