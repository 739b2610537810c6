/**
 * Cross-cutting configuration: the store (embedded or external MongoDB), security (resource server and
 * the embedded authorization server), GraphQL limits and scalars, and the clock.
 */
package app.leadline.platform;
