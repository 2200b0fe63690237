package org.gramian.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gramian.numeric.DD;

/**
 * Arbitrary-precision references for the statistics tests, written from scratch on BigDecimal
 * and BigInteger and sharing no code with the production classes: π (Machin), e<sup>x</sup>
 * (Taylor after halving), ln x (Newton on e<sup>y</sup> = x), Γ of integers and
 * half-integers (exact factorials through their prime factorization), ln Γ of any positive
 * argument (Stirling with Bernoulli numbers from their recurrence in exact rationals).
 */
final class BigMath {
    private BigMath() {
    }

    /** π to 80 digits (truncated), to check {@link #pi}. */
    static final BigDecimal PI_80 = new BigDecimal(
            "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089");

    private static final Map<Integer, BigDecimal> PI_CACHE = new ConcurrentHashMap<>();

    static BigDecimal big(DD d) {
        return new BigDecimal(d.hi).add(new BigDecimal(d.lo));
    }

    static MathContext digits(int p) {
        return new MathContext(p, RoundingMode.HALF_EVEN);
    }

    /**
     * a/b rounded to mc. (BigDecimal's own divide(b, mc) strips the trailing zeros of a
     * terminating quotient one digit at a time toward its preferred scale, which at hundreds of
     * digits costs far more than the division; a fixed scale avoids that.)
     */
    static BigDecimal div(BigDecimal a, BigDecimal b, MathContext mc) {
        if (a.signum() == 0) {
            return BigDecimal.ZERO;
        }
        int exponent = (a.precision() - a.scale()) - (b.precision() - b.scale()) + 1;
        return a.divide(b, mc.getPrecision() + 2 - exponent, RoundingMode.HALF_EVEN).round(mc);
    }

    /** π = 16 atan(1/5) − 4 atan(1/239) (Machin), in fixed point on BigInteger. */
    static BigDecimal pi(MathContext mc) {
        return PI_CACHE.computeIfAbsent(mc.getPrecision(), p -> {
            int scale = p + 10;
            BigInteger unity = BigInteger.TEN.pow(scale);
            BigInteger v = atanInverse(5, unity).shiftLeft(4).subtract(atanInverse(239, unity).shiftLeft(2));
            return new BigDecimal(v, scale).round(mc);
        });
    }

    /** atan(1/n)·unity = Σ (−1)ᵏ unity / ((2k+1) n²ᵏ⁺¹), truncating each term. */
    private static BigInteger atanInverse(int n, BigInteger unity) {
        BigInteger n2 = BigInteger.valueOf((long) n * n);
        BigInteger power = unity.divide(BigInteger.valueOf(n));
        BigInteger sum = power;
        for (int k = 1; power.signum() != 0; k++) {
            power = power.divide(n2);
            BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
            sum = k % 2 == 0 ? sum.add(term) : sum.subtract(term);
        }
        return sum;
    }

    /** e<sup>x</sup>: x/2ᵏ with |x/2ᵏ| &lt; 2⁻¹⁰, Taylor series, then k squarings. */
    static BigDecimal exp(BigDecimal x, MathContext mc) {
        int k = 10 + Math.max(0, (int) Math.ceil(Math.log(Math.abs(x.doubleValue()) + 1) / Math.log(2)));
        MathContext w = digits(mc.getPrecision() + 15);
        BigDecimal r = div(x, BigDecimal.valueOf(2).pow(k), w);
        BigDecimal eps = BigDecimal.ONE.movePointLeft(w.getPrecision() + 2);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = div(term.multiply(r, w), BigDecimal.valueOf(n), w);
            sum = sum.add(term, w);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, w);
        }
        return sum.round(mc);
    }

    /** ln x for x &gt; 0 by Newton's method y ← y + x·e<sup>−y</sup> − 1 from a double guess. */
    static BigDecimal ln(BigDecimal x, MathContext mc) {
        if (x.signum() <= 0) {
            throw new ArithmeticException("ln of " + x);
        }
        MathContext w = digits(mc.getPrecision() + 10);
        int e10 = x.precision() - x.scale() - 1;
        double m = x.scaleByPowerOfTen(-e10).doubleValue();
        BigDecimal y = new BigDecimal(Math.log(m) + e10 * Math.log(10));
        BigDecimal eps = BigDecimal.ONE.movePointLeft(w.getPrecision() - 2);
        for (int i = 0; i < 100; i++) {
            BigDecimal step = x.multiply(exp(y.negate(), w), w).subtract(BigDecimal.ONE, w);
            y = y.add(step, w);
            if (step.abs().compareTo(eps.multiply(y.abs().max(BigDecimal.ONE))) <= 0) {
                break;
            }
        }
        return y.round(mc);
    }

    /** x<sup>k/2</sup> for x &gt; 0 and a natural number k: √x raised to k, or x<sup>k/2</sup>. */
    static BigDecimal powHalf(BigDecimal x, long twice, MathContext mc) {
        MathContext w = digits(mc.getPrecision() + 10);
        BigDecimal base = twice % 2 == 0 ? x : x.sqrt(w);
        int exponent = (int) (twice % 2 == 0 ? twice / 2 : twice);
        return base.pow(exponent, w).round(mc);
    }

    /**
     * A product of Gamma values at integers and half-integers, kept exactly as
     * Π Nᵢ!^(eᵢ) · 2^(twoPower) · √π^(sqrtPiPower), using Γ(m) = (m−1)! and
     * Γ(m+½) = √π·(2m)!/(4ᵐ·m!).
     */
    static final class GammaProduct {
        private final java.util.TreeMap<Long, Integer> factorials = new java.util.TreeMap<>();
        private long twoPower;
        private int sqrtPiPower;

        /** Multiplies by Γ(twice/2)^sign, sign = ±1. */
        GammaProduct gamma(long twice, int sign) {
            long m = twice / 2;
            if (twice % 2 == 0) {
                factorials.merge(m - 1, sign, Integer::sum);
            } else {
                factorials.merge(2 * m, sign, Integer::sum);
                factorials.merge(m, -sign, Integer::sum);
                twoPower -= 2 * m * sign;
                sqrtPiPower += sign;
            }
            return this;
        }

        /**
         * The value, from the prime factorization: the exponent of a prime p in N! is
         * Σᵢ ⌊N/pⁱ⌋ (Legendre), so the whole product is Π p^(net exponent) over the primes up to
         * the largest N, multiplied into a numerator and a denominator held as binary fixed-point
         * BigIntegers truncated to the working width (machine-word factors batched). Powers of
         * 2 go straight into the binary exponent. A million-factorial costs a few
         * hundredths of a second; the relative error is below (number of words)·2^-(width).
         */
        BigDecimal value(MathContext mc) {
            factorials.values().removeIf(e -> e == 0);
            MathContext w = digits(mc.getPrecision() + 10);
            int bits = (int) (mc.getPrecision() * 3.33) + 96;
            long max = factorials.isEmpty() ? 1 : factorials.lastKey();
            boolean[] composite = new boolean[(int) max + 1];
            Fixed num = new Fixed(bits);
            Fixed den = new Fixed(bits);
            long shift = twoPower;
            for (int p = 2; p <= max; p++) {
                if (composite[p]) {
                    continue;
                }
                for (long q = (long) p * p; q <= max; q += p) {
                    composite[(int) q] = true;
                }
                long e = 0;
                for (Map.Entry<Long, Integer> f : factorials.entrySet()) {
                    long n = f.getKey();
                    long legendre = 0;
                    for (long pk = p; pk <= n; pk *= p) {
                        legendre += n / pk;
                        if (pk > n / p) {
                            break;
                        }
                    }
                    e += legendre * f.getValue();
                }
                if (p == 2) {
                    shift += e;
                } else {
                    Fixed target = e > 0 ? num : den;
                    for (long i = Math.abs(e); i > 0; i--) {
                        target.times(p);
                    }
                }
            }
            BigDecimal ratio = div(num.mantissa(), den.mantissa(), w);
            shift += num.shift - den.shift;
            BigDecimal two = BigDecimal.valueOf(2).pow(Math.toIntExact(Math.abs(shift)), w);
            ratio = shift >= 0 ? ratio.multiply(two, w) : div(ratio, two, w);
            if (sqrtPiPower != 0) {
                ratio = ratio.multiply(pi(w).sqrt(w).pow(sqrtPiPower, w), w);
            }
            return ratio.round(mc);
        }
    }

    /** mantissa·2^shift with the mantissa truncated to a fixed number of bits. */
    private static final class Fixed {
        private final int bits;
        private BigInteger value = BigInteger.ONE;
        private long word = 1;
        long shift;

        Fixed(int bits) {
            this.bits = bits;
        }

        void times(long factor) {
            if (word > Long.MAX_VALUE / factor) {
                flush();
            }
            word *= factor;
        }

        private void flush() {
            value = value.multiply(BigInteger.valueOf(word));
            word = 1;
            int excess = value.bitLength() - bits;
            if (excess > 0) {
                value = value.shiftRight(excess);
                shift += excess;
            }
        }

        BigDecimal mantissa() {
            flush();
            return new BigDecimal(value);
        }
    }

    /** Γ(k/2) for a natural number k ≥ 1. */
    static BigDecimal gammaHalf(long twice, MathContext mc) {
        return new GammaProduct().gamma(twice, 1).value(mc);
    }

    /** 1/B(a, b) = Γ(a+b)/(Γ(a)Γ(b)) for a = twoA/2, b = twoB/2. */
    static BigDecimal inverseBeta(long twoA, long twoB, MathContext mc) {
        return new GammaProduct().gamma(twoA + twoB, 1).gamma(twoA, -1).gamma(twoB, -1).value(mc);
    }

    private static final List<BigInteger[]> BERNOULLI = bernoulli(80);

    /** B_0 … B_max as exact fractions {numerator, denominator} from Σ_{k≤m} C(m+1, k) B_k = 0. */
    private static List<BigInteger[]> bernoulli(int max) {
        List<BigInteger[]> b = new ArrayList<>();
        b.add(new BigInteger[] {BigInteger.ONE, BigInteger.ONE});
        for (int m = 1; m <= max; m++) {
            BigInteger num = BigInteger.ZERO;
            BigInteger den = BigInteger.ONE;
            BigInteger binom = BigInteger.ONE; // C(m+1, k)
            for (int k = 0; k < m; k++) {
                BigInteger[] bk = b.get(k);
                // num/den += binom·bk
                num = num.multiply(bk[1]).add(binom.multiply(bk[0]).multiply(den));
                den = den.multiply(bk[1]);
                BigInteger g = num.gcd(den);
                if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                    num = num.divide(g);
                    den = den.divide(g);
                }
                binom = binom.multiply(BigInteger.valueOf(m + 1 - k)).divide(BigInteger.valueOf(k + 1));
            }
            // B_m = −num/(den·(m+1))
            BigInteger n = num.negate();
            BigInteger d = den.multiply(BigInteger.valueOf(m + 1));
            BigInteger g = n.gcd(d);
            if (g.signum() != 0) {
                n = n.divide(g);
                d = d.divide(g);
            }
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            b.add(new BigInteger[] {n, d});
        }
        return b;
    }

    private static final Map<Integer, BigDecimal[]> STIRLING_CACHE = new ConcurrentHashMap<>();

    /** {½ ln 2π, B₂/(2·1), B₄/(4·3), …, B₈₀/(80·79)} at precision p. */
    private static BigDecimal[] stirlingConstants(int p) {
        return STIRLING_CACHE.computeIfAbsent(p, key -> {
            MathContext w = digits(p);
            BigDecimal[] c = new BigDecimal[BERNOULLI.size() / 2 + 1];
            c[0] = ln(pi(w).multiply(BigDecimal.valueOf(2)), w).multiply(new BigDecimal("0.5"));
            for (int k = 1; 2 * k < BERNOULLI.size(); k++) {
                BigInteger[] b = BERNOULLI.get(2 * k);
                c[k] = div(new BigDecimal(b[0]), new BigDecimal(b[1].multiply(BigInteger.valueOf(2L * k * (2L * k - 1)))), w);
            }
            return c;
        });
    }

    /**
     * ln Γ(z) for z &gt; 0: shifted to z + N ≥ 80 by the recurrence, then the Stirling series
     * with B₂ … B₈₀, whose truncation error there is below 10⁻⁹⁰: good for precisions up to
     * about 85 digits.
     */
    static BigDecimal lnGamma(BigDecimal z, MathContext mc) {
        MathContext w = digits(mc.getPrecision() + 15);
        BigDecimal[] c = stirlingConstants(w.getPrecision());
        BigDecimal product = BigDecimal.ONE;
        BigDecimal v = z;
        BigDecimal eighty = BigDecimal.valueOf(80);
        while (v.compareTo(eighty) < 0) {
            product = product.multiply(v, w);
            v = v.add(BigDecimal.ONE);
        }
        BigDecimal sum = v.subtract(new BigDecimal("0.5")).multiply(ln(v, w), w).subtract(v).add(c[0], w);
        BigDecimal inv2 = div(BigDecimal.ONE, v.multiply(v, w), w);
        BigDecimal power = div(BigDecimal.ONE, v, w);
        for (int k = 1; k < c.length; k++) {
            sum = sum.add(c[k].multiply(power, w), w);
            power = power.multiply(inv2, w);
        }
        return (product.equals(BigDecimal.ONE) ? sum : sum.subtract(ln(product, w), w)).round(mc);
    }
}
