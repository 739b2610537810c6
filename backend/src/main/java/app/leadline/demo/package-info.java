/**
 * Demo data for the embedded default: suppliers with open purchase orders and a few hundred orders, loaded on
 * the first start with an empty store, with tracking links printed for a handful of them.
 */
package app.leadline.demo;
