package dev.tangent.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run directory (an OS file lock on {@code .lock} inside it), held while one process trains
 * there, so that two processes never write the same checkpoint, metrics or config. The OS drops the lock when the
 * process dies, even by kill -9; the file itself stays and holds the last owner's process id.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalArgumentException when another process (or another run in this one) holds the directory */
    public static RunLock acquire(Path runDir) {
        Path file = runDir.resolve(FILE);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this JVM
            }
            if (l == null) {
                ch.close();
                throw new IllegalArgumentException("run directory " + runDir + " is in use by another training process"
                        + owner(file) + "; wait for it to finish or stop it, then resume");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run directory " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file).trim();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + FILE + ": " + e.getMessage(), e);
        }
    }
}
