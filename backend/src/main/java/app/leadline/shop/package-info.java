/**
 * The shop Leadline speaks for: its name, logo, colour and contacts, set in configuration and shown on the
 * customer's page and in every e-mail.
 */
package app.leadline.shop;
