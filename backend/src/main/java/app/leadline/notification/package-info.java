/**
 * Messages to customers. Until real channels are configured, every message goes to the embedded outbox: stored,
 * shown to agents, and echoed on standard output so a developer can read it.
 */
package app.leadline.notification;
