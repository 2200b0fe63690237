package org.gramian.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The distinct texts of a categorical column, as byte strings, each with a small integer id (0, 1,
 * … in the order they were added). Looking up a cell's bytes allocates nothing: the parser asks it
 * once for every categorical cell of every row, where a {@code new String} and a
 * {@link java.util.HashMap} lookup per cell were a large part of a factor column's cost.
 *
 * <p>Open addressing, at most half full. The hash multiplies by a constant drawn at random once per
 * JVM, so that a file cannot be written to make its texts collide (which would make each lookup
 * linear in the number of levels); ids do not depend on the hash, so results stay the same in
 * every run.
 *
 * <p>Not thread-safe while being added to; a table only looked up after it was filled (the codes of
 * a delivering pass) may be shared by parser threads it was handed to through the pass's pool.
 */
final class LevelTable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = new java.util.SplittableRandom().nextLong() | 1L;

    private byte[][] keys = new byte[16][];
    private int[] slots = filled(16);   // id of the key in each slot, −1 when empty
    private int size;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** Number of distinct texts. */
    int size() {
        return size;
    }

    /** The bytes of the text with this id (not to be modified). */
    byte[] key(int id) {
        return keys[id];
    }

    /** The id of {@code b[from, to)}, or −1 when it is not in the table. */
    int get(byte[] b, int from, int to) {
        int mask = slots.length - 1;
        for (int i = hash(b, from, to) & mask; ; i = (i + 1) & mask) {
            int id = slots[i];
            if (id < 0) {
                return -1;
            }
            byte[] k = keys[id];
            if (k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to)) {
                return id;
            }
        }
    }

    /** The id of {@code b[from, to)}, added (copied) with the next id when it is new. */
    int add(byte[] b, int from, int to) {
        int id = get(b, from, to);
        if (id >= 0) {
            return id;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, 2 * size);
        }
        id = size++;
        keys[id] = Arrays.copyOfRange(b, from, to);
        place(id);
        return id;
    }

    private void place(int id) {
        byte[] k = keys[id];
        int mask = slots.length - 1;
        int i = hash(k, 0, k.length) & mask;
        while (slots[i] >= 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id;
    }

    private void grow() {
        slots = filled(2 * slots.length);
        for (int id = 0; id < size; id++) {
            place(id);
        }
    }

    /** Eight bytes a step, each word mixed in by a multiply with the per-JVM random odd constant. */
    private static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * SEED;
            h ^= h >>> 29;
        }
        long tail = 0;
        for (int s = 0; i < to; i++, s += 8) {
            tail |= (b[i] & 0xffL) << s;
        }
        h = (h ^ tail) * SEED;
        h ^= h >>> 32;
        h *= SEED;
        return (int) (h >>> 32);
    }
}
