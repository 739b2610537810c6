package app.leadline.platform;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start when the public address names this machine on another port than the one the server listens on. A
 * start with only {@code --server.port} changed otherwise prints tracking links, and sends agents to sign in, at a
 * port nobody answers.
 */
@Component
class PublicAddressCheck {

    private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);

    private final LeadlineProperties leadline;

    PublicAddressCheck(LeadlineProperties leadline) {
        this.leadline = leadline;
    }

    @EventListener
    void started(WebServerInitializedEvent started) {
        // The application's own server, not a separate management port.
        if (started.getApplicationContext().getServerNamespace() == null) {
            elsewhere(leadline.publicBaseUrl(), started.getWebServer().getPort())
                    .ifPresent(log::warn);
        }
    }

    /** What to tell when {@code base} is this machine at another port than {@code port}; empty otherwise. */
    static Optional<String> elsewhere(URI base, int port) {
        String host = base.getHost();
        boolean here = "localhost".equals(host) || "127.0.0.1".equals(host);
        int named = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        if (!here || port <= 0 || named == port) {
            return Optional.empty();
        }
        return Optional.of("leadline.public-base-url is " + base + ", but this server listens on port " + port
                + ": tracking links and the sign-in go to port " + named + ". Start it with"
                + " --leadline.public-base-url=" + base.getScheme() + "://" + host + ":" + port + " as well.");
    }
}
