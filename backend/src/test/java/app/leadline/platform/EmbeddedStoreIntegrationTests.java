package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.LeadlineApplication;
import app.leadline.order.OrderQueries;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps data across restarts; a configured MongoDB URI replaces it. */
class EmbeddedStoreIntegrationTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... properties) {
        // As command-line arguments, which take precedence over application.yml, like an operator's would.
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("server.port=0", "leadline.demo.orders=12"),
                        java.util.stream.Stream.of(properties))
                .map(property -> "--" + property)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LeadlineApplication.class).run(args);
    }

    @Test
    void demoDataLoadedOnFirstStartSurvivesARestart() {
        String storePath = "leadline.store.path=" + data;
        long loaded;
        try (var first = start(storePath)) {
            loaded = first.getBean(OrderQueries.class).count();
            assertThat(loaded).isEqualTo(12);
        }
        assertThat(data.resolve("leadline.mv")).exists();

        try (var second = start(storePath)) {
            OrderQueries orders = second.getBean(OrderQueries.class);
            assertThat(orders.count()).isEqualTo(loaded);
            assertThat(orders.byNumber("DEMO-1001")).isPresent();
        }
    }

    @Test
    void demoDataCanBeTurnedOff() {
        try (var context = start("leadline.store.path=" + data, "leadline.demo.enabled=false")) {
            assertThat(context.getBean(OrderQueries.class).count()).isZero();
        }
    }

    @Test
    void aConfiguredMongoUriIsUsedAndNoEmbeddedServerStarts() {
        MongoServer external = new MongoServer(new MemoryBackend());
        external.bind("127.0.0.1", 0);
        try (var context = start(
                "spring.mongodb.uri=mongodb://127.0.0.1:"
                        + external.getLocalAddress().getPort() + "/shop",
                "leadline.store.path=" + data)) {
            assertThat(context.getBeanNamesForType(MongoServer.class)).isEmpty();
            assertThat(context.getBean(OrderQueries.class).count()).isEqualTo(12);
            assertThat(data.resolve("leadline.mv")).doesNotExist();
        } finally {
            external.shutdownNow();
        }
    }
}
