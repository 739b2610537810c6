package app.leadline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that shares nothing with the others (JVMs of its own, or no application at all), so it runs beside them
 * (junit-platform.properties), one test after another, and never beside another such class: the test classes run in
 * two lanes, one of them these. Never one that starts an application in this JVM: Spring Boot sets up logging for the
 * whole JVM as an application starts or stops, and two at once now and then fail ("Unable to find Spring Environment in
 * logger context").
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("the second lane of test classes")
public @interface BesideTheOthers {}
