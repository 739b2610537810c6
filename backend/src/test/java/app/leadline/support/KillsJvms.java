package app.leadline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that starts JVMs of its own and kills them. Most of its time is those JVMs working while the test
 * waits, so it runs beside the other test classes (junit-platform.properties), one test after another, and never
 * beside another such class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("JVMs killed by a test")
public @interface KillsJvms {}
