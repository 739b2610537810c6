package app.leadline.support;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;

/** Keeps the report of Spring for GraphQL's schema inspection, which the application no longer makes at start. */
public class SchemaReports implements GraphQlSourceBuilderCustomizer {

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(report::set);
    }

    /** The report of the schema the application serves. */
    public SchemaReport report() {
        SchemaReport made = report.get();
        if (made == null) {
            throw new IllegalStateException("The GraphQL schema has not been inspected");
        }
        return made;
    }
}
