package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LevelTable} against a list searched by hand, and {@link ByteScan#fieldEnd} against a byte loop. */
class LevelTableTest {

    @Test
    void idsAreInTheOrderAddedAndLookupsFindExactlyTheBytesAdded() {
        LevelTable t = new LevelTable();
        List<byte[]> added = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 3000; i++) {
            // short and long keys, many sharing prefixes, some repeated, the empty key
            String k = i % 11 == 0 ? "" : "level-" + (r.nextInt(2000)) + "x".repeat(r.nextInt(20));
            byte[] b = ("##" + k + "##").getBytes(StandardCharsets.UTF_8);
            int id = t.add(b, 2, b.length - 2);
            byte[] key = k.getBytes(StandardCharsets.UTF_8);
            int expected = -1;
            for (int j = 0; j < added.size(); j++) {
                if (java.util.Arrays.equals(added.get(j), key)) {
                    expected = j;
                }
            }
            if (expected < 0) {
                expected = added.size();
                added.add(key);
            }
            assertThat(id).isEqualTo(expected);
            assertThat(t.get(key, 0, key.length)).isEqualTo(expected);
            assertThat(t.key(id)).isEqualTo(key);
        }
        assertThat(t.size()).isEqualTo(added.size());
        byte[] absent = "level-x".getBytes(StandardCharsets.UTF_8);
        assertThat(t.get(absent, 0, absent.length)).isEqualTo(-1);
        assertThat(t.get(absent, 0, 5)).isEqualTo(-1); // "level" is a prefix of keys, not a key
    }

    @Test
    void fieldEndIsTheFirstDelimiterOrLineEndAsAByteLoopFindsIt() {
        Random r = new Random(9);
        // bytes near the delimiter's value ('-' is ',' ^ 1: a false flag of the plain SWAR test)
        byte[] alphabet = {',', '-', '+', '\n', '\r', '\u000b', '\f', 'a', '0', (byte) 0x80, (byte) 0xac, 0, 1, ';', '\t'};
        for (int trial = 0; trial < 20000; trial++) {
            byte[] b = new byte[r.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(3));
            }
            byte delim = r.nextBoolean() ? (byte) ',' : r.nextBoolean() ? (byte) ';' : (byte) '\t';
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int to = from + (b.length == from ? 0 : r.nextInt(b.length - from + 1));
            int expected = from;
            while (expected < to && b[expected] != delim && b[expected] != '\n' && b[expected] != '\r') {
                expected++;
            }
            assertThat(ByteScan.fieldEnd(b, delim, from, to)).as("trial " + trial).isEqualTo(expected);
        }
    }
}
