/**
 * Delivery and money policies per customer segment, kept by admins: the default delivery preference, whether the
 * customer may choose, receiving days, the fee for extra parcels, and when cancellations and refunds are allowed.
 */
package app.leadline.policy;
