package org.gramian.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.Test;

/** The p×p memory bound: worked by hand, and the refusal's message. */
class InsufficientMemoryTest {
    @Test
    void theBoundIsMatricesTimesEightTimesMSquared() {
        // p = 999: m = 1000, 8·10⁶ bytes a matrix; auto holds 6, Cholesky 3
        assertThat(InsufficientMemoryException.leastBytes(999, SolverKind.AUTO)).isEqualTo(48_000_000L);
        assertThat(InsufficientMemoryException.leastBytes(999, SolverKind.QR)).isEqualTo(48_000_000L);
        assertThat(InsufficientMemoryException.leastBytes(999, SolverKind.CHOLESKY)).isEqualTo(24_000_000L);
        // no int overflow at p = 100,000: 6·8·100001² = 480,009,600,048 bytes
        assertThat(InsufficientMemoryException.leastBytes(100_000, SolverKind.SVD)).isEqualTo(480_009_600_048L);
    }

    @Test
    void refusedOnlyWhenTheMatricesAloneExceedTheHeap() {
        InsufficientMemoryException.requireFits(999, SolverKind.AUTO, 48_000_000L); // exactly fits
        InsufficientMemoryException.requireFits(999, SolverKind.CHOLESKY, 24_000_000L);
        assertThatThrownBy(() -> InsufficientMemoryException.requireFits(999, SolverKind.AUTO, 47_999_999L))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessage("999 coefficients are too many for this Java heap: the auto solver holds at least 6"
                        + " matrices of (p+1)² doubles, 45 MiB, and the heap is 45 MiB; give java more memory (-Xmx),"
                        + " fit fewer columns, or solve iteratively with LSQR in O(p) memory beyond the data"
                        + " (org.gramian.iterative.Lsqr; 'gramian compare' runs it on data that fits in memory)");
        assertThatThrownBy(() -> InsufficientMemoryException.requireFits(20_000, SolverKind.AUTO, 64L << 20))
                .hasMessageContaining("17.9 GiB, and the heap is 64 MiB");
    }
}
