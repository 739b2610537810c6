package app.leadline;

import app.leadline.support.BesideTheOthers;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The capabilities are modules: each reaches another only through its public face, and there are no cycles. */
@BesideTheOthers // reads the classes only: no application, nothing shared
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(LeadlineApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * Writes the module diagrams and canvases to {@code docs/modules/}, where they are committed: a change to the
     * module graph shows in the change's diff.
     */
    @Test
    void documentsTheModules() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules")).writeDocumentation();
    }
}
