package app.leadline.platform;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default store: an in-process MongoDB wire-protocol server that the real driver reaches over
 * loopback. It is only started when no {@code spring.mongodb.uri} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /** The store behind the server; the server closes it when it shuts down. */
    @Bean(destroyMethod = "")
    MongoBackend embeddedStoreBackend(EmbeddedStoreProperties properties) {
        return backend(properties);
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(MongoBackend backend, EmbeddedStoreProperties properties) {
        MongoServer server = new MongoServer(backend);
        // No oplog: it would grow without end, and the one instance that owns this store hears of its own changes.
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded store ({}) listening on {}", properties.describe(), address);
        log.info("The embedded store keeps unique indexes only and scans for other queries; production uses"
                + " MongoDB (spring.mongodb.uri), which keeps every index Leadline declares");
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, EmbeddedStoreProperties properties) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString uri =
                new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/" + properties.database());
        return () -> uri;
    }

    private static MongoBackend backend(EmbeddedStoreProperties properties) {
        if (properties.backend() == EmbeddedStoreProperties.Backend.MEMORY) {
            return WholeDocuments.memoryBackend();
        }
        try {
            Files.createDirectories(properties.path());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded store's folder " + properties.path(), e);
        }
        DurableH2Backend backend =
                DurableH2Backend.open(properties.path().resolve("leadline.mv").toString());
        // Before anyone reads: a store left by a crash of an older version may hold indexes that miss documents.
        backend.checkIndexesOnce(properties.database());
        return backend;
    }

    /**
     * Where and how the embedded store keeps its data.
     *
     * @param backend {@code H2} keeps data in a file across restarts, {@code MEMORY} forgets it on exit
     * @param path the folder of the H2 file
     * @param database the database name
     */
    @ConfigurationProperties("leadline.store")
    record EmbeddedStoreProperties(Backend backend, Path path, String database) {

        enum Backend {
            H2,
            MEMORY
        }

        EmbeddedStoreProperties {
            backend = backend == null ? Backend.H2 : backend;
            path = path == null ? Path.of("data") : path;
            database = database == null || database.isBlank() ? "leadline" : database;
        }

        String describe() {
            return backend == Backend.H2 ? "H2 file in " + path.toAbsolutePath().normalize() : "in memory";
        }
    }
}
