package org.gramian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void shortestIsTheShortestDecimalThatReadsBack() {
        assertThat(Numbers.shortest(0.1)).isEqualTo("0.1");
        assertThat(Numbers.shortest(2.0)).isEqualTo("2");
        assertThat(Numbers.shortest(1000.0)).isEqualTo("1000");
        assertThat(Numbers.shortest(-337.4)).isEqualTo("-337.4");
        assertThat(Numbers.shortest(2.0 / 3)).isEqualTo("0.6666666666666666");
        assertThat(Numbers.shortest(1e-9)).isEqualTo("1E-9");
        assertThat(Numbers.shortest(1.5e300)).isEqualTo("1.5E+300");
        assertThat(Numbers.shortest(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void shortestRoundTripsRandomDoubles() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            String s = Numbers.shortest(v);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(v);
            long digits = s.replaceFirst("[eE].*", "").chars().filter(Character::isDigit).count();
            assertThat(digits).as(s).isLessThanOrEqualTo(17 + 6); // plain notation may add leading zeros
        }
    }

    @Test
    void significant17RoundsOnceAndDropsTrailingZeros() {
        assertThat(Numbers.significant17(2.0)).isEqualTo("2");
        assertThat(Numbers.significant17(2.0 / 3)).isEqualTo("0.66666666666666663");
        assertThat(Numbers.significant17(0.1)).isEqualTo("0.10000000000000001");
        assertThat(Double.parseDouble(Numbers.significant17(Math.PI))).isEqualTo(Math.PI);
    }

    @Test
    void trimmedDropsOnlyFractionZeros() {
        assertThat(Numbers.trimmed("1.50000")).isEqualTo("1.5");
        assertThat(Numbers.trimmed("2.000e+10")).isEqualTo("2e+10");
        assertThat(Numbers.trimmed("1000")).isEqualTo("1000");
        assertThat(Numbers.trimmed("-0.2623230737740")).isEqualTo("-0.262323073774");
    }
}
