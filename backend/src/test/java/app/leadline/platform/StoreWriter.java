package app.leadline.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;

/**
 * A process that writes to the embedded H2 store as fast as it can and says on standard output which writes were
 * acknowledged, for {@link DurableH2BackendTests} to kill at a random moment. Each of four writers inserts
 * documents and then moves each one's version on, as a versioned order update does.
 */
public final class StoreWriter {

    static final String DATABASE = "crash";
    static final String COLLECTION = "things";
    static final String VERSIONED = "versioned";

    public static void main(String[] args) {
        MongoServer server = new MongoServer(DurableH2Backend.open(args[0]));
        server.bind("127.0.0.1", 0);
        MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoCollection<Document> things = client.getDatabase(DATABASE).getCollection(COLLECTION);
        things.createIndex(
                Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name(VERSIONED));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = writer; ; i += 4) {
                    things.insertOne(new Document("_id", i).append("version", 0).append("text", "x".repeat(200)));
                    System.out.println("inserted " + i);
                    things.updateOne(
                            Filters.and(Filters.eq("_id", i), Filters.eq("version", 0)),
                            Updates.combine(Updates.set("version", 1), Updates.set("moved", true)));
                    System.out.println("updated " + i);
                }
            });
        }
    }
}
