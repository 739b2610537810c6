/**
 * How orders are kept in MongoDB: their stored form, the difference between two stored forms as one update, and
 * the indexes the order queries rely on. Internal to the order module.
 */
package app.leadline.order.internal;
