/**
 * Suppliers and their open purchase orders. A purchase order keeps the list of customer order lines allocated
 * to it, so that anything that happens to it (a delay, goods received) reaches exactly those lines.
 */
package app.leadline.supplier;
