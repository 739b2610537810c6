package app.leadline.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code leadline.exit-when-ready=true}, ends the application as soon as it is ready: after the web server
 * started and the demo data loaded. The build's class-data-sharing training start (backend/pom.xml) uses it, so
 * that the archive holds every class a start loads until its first tracking link, not only those of the context.
 */
@Component
@ConditionalOnBooleanProperty("leadline.exit-when-ready")
class ExitWhenReady {

    @EventListener(ApplicationReadyEvent.class)
    void exit(ApplicationReadyEvent ready) {
        System.exit(SpringApplication.exit(ready.getApplicationContext()));
    }
}
