/**
 * Promises that stay true: how late each supplier tends to be, learned from its received purchase orders and kept
 * calibrated online, and the backtest that scores it on a purchase-order history.
 */
package app.leadline.promise;
