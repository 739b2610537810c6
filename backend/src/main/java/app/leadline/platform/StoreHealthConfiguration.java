package app.leadline.platform;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store's health by a {@code ping}, which every MongoDB and the embedded store answer. (Spring Boot's own
 * indicator sends {@code hello}, which the embedded store does not know; this bean takes its place by name.)
 */
@Configuration(proxyBeanMethods = false)
class StoreHealthConfiguration {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return () -> {
            try {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                return Health.up()
                        .withDetail("database", mongo.getDb().getName())
                        .withDetail("ok", answer.get("ok"))
                        .build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
