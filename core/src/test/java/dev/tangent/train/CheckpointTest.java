package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint format: a round trip, and corrupt files refused with a message instead of a huge allocation. */
class CheckpointTest {
    @TempDir
    Path tmp;

    static Checkpoint sample() {
        return new Checkpoint(12, 345, new double[] {1, -2.5, 3e-300}, new double[] {1, 2},
                Map.of("m", new double[] {0.1, 0.2, 0.3}, "t", new double[] {12}), Map.of("weighting.running", new double[] {0, 0}));
    }

    @Test
    void roundTripsBitForBit() {
        Path f = tmp.resolve("checkpoint");
        sample().write(f);
        Checkpoint back = Checkpoint.read(f);
        assertEquals(12, back.step());
        assertEquals(345, back.trainNanos());
        assertArrayEquals(sample().theta(), back.theta(), 0.0);
        assertArrayEquals(sample().optimizerState().get("m"), back.optimizerState().get("m"), 0.0);
        assertTrue(back.finite());
    }

    @Test
    void finiteLooksAtEveryArray() {
        Checkpoint nanMoment = new Checkpoint(1, 1, new double[] {1}, new double[] {1}, Map.of("v", new double[] {Double.NaN}), Map.of());
        assertFalse(nanMoment.finite());
        Checkpoint infExtra = new Checkpoint(1, 1, new double[] {1}, new double[] {1}, Map.of(), Map.of("ntk.k0", new double[] {1 / 0.0}));
        assertFalse(infExtra.finite());
    }

    @Test
    void aHugeArrayLengthIsRefusedBeforeAllocating() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x54414e47);
            out.writeInt(1); // version 1 has no checksum, so only the length check stands in the way
            out.writeLong(3);
            out.writeLong(4);
            out.writeInt(Integer.MAX_VALUE);
        }
        Path f = tmp.resolve("huge");
        Files.write(f, bytes.toByteArray());
        String msg = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(f)).getMessage();
        assertTrue(msg.contains("claims 2147483647 values") && msg.contains(f.toString()), msg);
    }

    @Test
    void truncatedDamagedAndForeignFilesAreClearErrors() throws Exception {
        Path good = tmp.resolve("good");
        sample().write(good);
        byte[] all = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(cut));
        byte[] flipped = all.clone();
        flipped[40] ^= 1;
        Path bad = tmp.resolve("bad");
        Files.write(bad, flipped);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(bad)).getMessage().contains("checksum"));
        Path other = tmp.resolve("other");
        Files.writeString(other, "not a checkpoint at all");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(other)).getMessage().contains("not a Tangent checkpoint"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(tmp.resolve("missing"))).getMessage().contains("does not exist"));
    }
}
