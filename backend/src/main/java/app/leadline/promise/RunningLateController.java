package app.leadline.promise;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Agents read the lines time has overtaken. */
@Controller
class RunningLateController {

    private final PromiseWatch watch;

    RunningLateController(PromiseWatch watch) {
        this.watch = watch;
    }

    @QueryMapping
    @PreAuthorize("hasRole('AGENT')")
    List<PromiseWatch.RunningLateLine> runningLate() {
        return watch.runningLate();
    }
}
