package app.leadline.tracking;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * {@code trackOrder}, the query every tracking page opens with and the request Leadline answers most often, wired as
 * a plain data fetcher that calls {@link TrackingController#trackOrder}. As an annotated controller method it would
 * cost, at every request, a handler object, the binding of its two arguments and a reflective call. It describes
 * itself (its argument and what it answers), so the schema's inspection checks it as it checks the controllers.
 */
@Component
class TrackOrderQuery implements RuntimeWiringConfigurer, SelfDescribingDataFetcher<TrackedOrder> {

    private final TrackingController tracking;

    TrackOrderQuery(TrackingController tracking) {
        this.tracking = tracking;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("trackOrder", this));
    }

    @Override
    public TrackedOrder get(DataFetchingEnvironment environment) {
        return tracking.trackOrder(
                environment.getArgument("token"),
                environment.getGraphQlContext().get(ClientAddress.KEY));
    }

    @Override
    public String getDescription() {
        return "TrackingController#trackOrder";
    }

    @Override
    public Map<String, ResolvableType> getArguments() {
        return Map.of("token", ResolvableType.forClass(String.class));
    }

    @Override
    public ResolvableType getReturnType() {
        return ResolvableType.forClass(TrackedOrder.class);
    }
}
