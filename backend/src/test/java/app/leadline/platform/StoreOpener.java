package app.leadline.platform;

/**
 * A process that opens the embedded H2 store, saying so on standard output first, and then waits to be killed: for
 * {@link DurableH2BackendTests} to kill while the open sorts the store's unique indexes.
 */
public final class StoreOpener {

    public static void main(String[] args) throws InterruptedException {
        System.out.println("opening");
        System.out.flush();
        DurableH2Backend.open(args[0]);
        System.out.println("open");
        System.out.flush();
        Thread.currentThread().join();
    }
}
