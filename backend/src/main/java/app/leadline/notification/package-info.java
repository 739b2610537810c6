/**
 * Messages to customers. Until real channels are configured, every message goes to the embedded outbox: stored,
 * shown to agents, and echoed on standard output so a developer can read it.
 */
@ApplicationModule(allowedDependencies = {"order", "delivery", "platform", "shop"})
package app.leadline.notification;

import org.springframework.modulith.ApplicationModule;
