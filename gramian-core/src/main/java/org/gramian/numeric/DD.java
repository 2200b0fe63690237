package org.gramian.numeric;

/**
 * An immutable double-double number: the unevaluated sum {@code hi + lo} with
 * {@code |lo| <= ulp(hi)/2}, giving about 106 bits (32 decimal digits) of significand.
 *
 * <p>Arithmetic follows the classic error-free transformations: {@code twoSum} (Knuth) and
 * {@code twoProd} via fused multiply-add, so every operation is accurate to a few units in
 * 2<sup>-104</sup>. The range is that of {@code double}. This is what lets the solvers reproduce
 * the NIST certified values on problems whose condition number squares past 10<sup>16</sup>.
 *
 * <p>The class is small and final so that the JIT's escape analysis can keep temporaries in
 * registers inside tight loops.
 */
public final class DD implements Comparable<DD> {
    public static final DD ZERO = new DD(0.0, 0.0);
    public static final DD ONE = new DD(1.0, 0.0);

    /** Leading part. */
    public final double hi;
    /** Trailing part, |lo| &lt;= ulp(hi)/2. */
    public final double lo;

    private DD(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** Exact conversion of a double. */
    public static DD of(double x) {
        return new DD(x, 0.0);
    }

    /** Normalizes an arbitrary pair into a double-double (quick two-sum). */
    public static DD of(double hi, double lo) {
        double s = hi + lo;
        double e = lo - (s - hi);
        return new DD(s, e);
    }

    /** Exact sum of two doubles. */
    public static DD sum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double e = (a - (s - bb)) + (b - bb);
        return new DD(s, e);
    }

    /** Exact product of two doubles (barring underflow). */
    public static DD product(double a, double b) {
        double p = a * b;
        return new DD(p, Math.fma(a, b, -p));
    }

    public DD add(DD b) {
        // Accurate (IEEE-style) double-double addition, Shewchuk / QD "ieee_add".
        double s = hi + b.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (b.hi - bb);
        double t = lo + b.lo;
        double tb = t - lo;
        double f = (lo - (t - tb)) + (b.lo - tb);
        e += t;
        double s2 = s + e;
        e = e - (s2 - s);
        e += f;
        double hi2 = s2 + e;
        return new DD(hi2, e - (hi2 - s2));
    }

    public DD add(double b) {
        double s = hi + b;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (b - bb);
        e += lo;
        double h = s + e;
        return new DD(h, e - (h - s));
    }

    public DD subtract(DD b) {
        return add(b.negate());
    }

    public DD subtract(double b) {
        return add(-b);
    }

    public DD multiply(DD b) {
        double p = hi * b.hi;
        double e = Math.fma(hi, b.hi, -p);
        e += hi * b.lo + lo * b.hi;
        double h = p + e;
        return new DD(h, e - (h - p));
    }

    public DD multiply(double b) {
        double p = hi * b;
        double e = Math.fma(hi, b, -p);
        e += lo * b;
        double h = p + e;
        return new DD(h, e - (h - p));
    }

    public DD divide(DD b) {
        double q1 = hi / b.hi;
        DD r = subtract(b.multiply(q1));
        double q2 = r.hi / b.hi;
        r = r.subtract(b.multiply(q2));
        double q3 = r.hi / b.hi;
        return DD.of(q1, q2).add(q3);
    }

    public DD divide(double b) {
        return divide(of(b));
    }

    /** this·2ᵏ, exact unless the result leaves the normal range (both parts scaled). */
    public DD scalb(int k) {
        return new DD(Math.scalb(hi, k), Math.scalb(lo, k));
    }

    public DD negate() {
        return new DD(-hi, -lo);
    }

    public DD abs() {
        return hi < 0 || (hi == 0 && lo < 0) ? negate() : this;
    }

    public DD square() {
        return multiply(this);
    }

    /** Square root by one Newton step from the double estimate (Karp's trick). */
    public DD sqrt() {
        if (hi == 0) {
            return ZERO;
        }
        if (hi < 0) {
            return new DD(Double.NaN, Double.NaN);
        }
        double x = 1.0 / Math.sqrt(hi);
        double ax = hi * x;
        DD diff = subtract(product(ax, ax));
        return sum(ax, diff.hi * (x * 0.5));
    }

    public boolean isZero() {
        return hi == 0.0;
    }

    public int signum() {
        return hi > 0 ? 1 : hi < 0 ? -1 : (lo > 0 ? 1 : lo < 0 ? -1 : 0);
    }

    public boolean isFinite() {
        return Double.isFinite(hi) && Double.isFinite(lo);
    }

    /** Rounds to the nearest double. */
    public double doubleValue() {
        return hi + lo;
    }

    @Override
    public int compareTo(DD o) {
        int c = Double.compare(hi, o.hi);
        return c != 0 ? c : Double.compare(lo, o.lo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DD d && d.hi == hi && d.lo == lo;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(hi) * 31 + Double.hashCode(lo);
    }

    @Override
    public String toString() {
        return new java.math.BigDecimal(hi).add(new java.math.BigDecimal(lo))
                .round(new java.math.MathContext(32)).toString();
    }
}
