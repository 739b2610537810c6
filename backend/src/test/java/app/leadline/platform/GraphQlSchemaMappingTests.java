package app.leadline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.leadline.support.LeadlineIntegrationTest;
import app.leadline.support.SchemaReports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

/**
 * Every field of the schema has what answers it and every controller method a field, with arguments and nullness as
 * the schema says: Spring for GraphQL's schema inspection, made here rather than at every start.
 */
@LeadlineIntegrationTest
class GraphQlSchemaMappingTests {

    @Autowired
    SchemaReports reports;

    @Test
    void everyFieldOfTheSchemaIsAnsweredAndEveryAnswerHasItsField() {
        SchemaReport report = reports.report();

        assertThat(report.unmappedFields()).as("fields nothing answers").isEmpty();
        assertThat(report.unmappedRegistrations())
                .as("controller methods without a field")
                .isEmpty();
        assertThat(report.unmappedArguments())
                .as("method arguments the schema does not have")
                .isEmpty();
        assertThat(report.fieldNullnessErrors())
                .as("fields whose nullness disagrees")
                .isEmpty();
        assertThat(report.argumentNullnessErrors())
                .as("arguments whose nullness disagrees")
                .isEmpty();
        assertThat(report.skippedTypes()).as("types left uninspected").isEmpty();
    }
}
