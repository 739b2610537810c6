/**
 * The customer's view: the tracking query behind a tracking link, its rate limit, and the page at
 * {@code /t/<token>}.
 */
package app.leadline.tracking;
