package app.leadline.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for background work a user would also wait for (a delay's cascade), failing after a bound. */
public final class Waiting {

    private Waiting() {}

    public static void until(BooleanSupplier done, Duration atMost, String what) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what, e);
            }
        }
    }
}
