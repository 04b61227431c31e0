package dev.tangent.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGINT/SIGTERM during training: a shutdown hook asks the trainer to stop at the next step boundary and holds the
 * JVM's exit until the final checkpoint and summary.json are written (at most {@value #WAIT_SECONDS} s, after which
 * the last periodic checkpoint is what remains).
 */
final class Interrupts implements AutoCloseable {
    static final int WAIT_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private Interrupts() {
        hook = new Thread(() -> {
            requested.set(true);
            System.err.println("tangent: stopping after the current step; writing the checkpoint and summary.json");
            try {
                done.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tangent-interrupt");
    }

    static Interrupts install() {
        Interrupts i = new Interrupts();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    boolean requested() {
        return requested.get();
    }

    /** Lets a pending shutdown go on, or removes the hook when training ended normally. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook returns now that done is counted down
        }
    }
}
