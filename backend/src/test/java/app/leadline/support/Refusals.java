package app.leadline.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

/** What a caller without the right gets: exactly one GraphQL error of the given type, and no data. */
public final class Refusals {

    private Refusals() {}

    public static Consumer<List<ResponseError>> only(ErrorType type) {
        return errors -> assertThat(errors)
                .singleElement()
                .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(type));
    }
}
