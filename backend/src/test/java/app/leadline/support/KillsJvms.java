package app.leadline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that starts JVMs of its own and kills them. Most of its time is those JVMs working while the test
 * waits, so it runs beside the other test classes ({@link BesideTheOthers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BesideTheOthers
public @interface KillsJvms {}
