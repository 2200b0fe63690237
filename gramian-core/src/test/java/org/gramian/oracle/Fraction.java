package org.gramian.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Exact rational number for test oracles: num/den in lowest terms, den &gt; 0. */
record Fraction(BigInteger num, BigInteger den) {
    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    static Fraction of(BigInteger n, BigInteger d) {
        if (d.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            n = n.divide(g);
            d = d.divide(g);
        }
        return new Fraction(n, d);
    }

    /** The exact value of a decimal string. */
    static Fraction of(String decimal) {
        BigDecimal b = new BigDecimal(decimal);
        return b.scale() >= 0 ? of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()))
                : of(b.unscaledValue().multiply(BigInteger.TEN.pow(-b.scale())), BigInteger.ONE);
    }

    /** The exact value of a double. */
    static Fraction of(double d) {
        return of(new BigDecimal(d).toPlainString());
    }

    static Fraction of(long v) {
        return new Fraction(BigInteger.valueOf(v), BigInteger.ONE);
    }

    Fraction add(Fraction o) {
        return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Fraction subtract(Fraction o) {
        return of(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    Fraction multiply(Fraction o) {
        return of(num.multiply(o.num), den.multiply(o.den));
    }

    Fraction divide(Fraction o) {
        return of(num.multiply(o.den), den.multiply(o.num));
    }

    boolean isZero() {
        return num.signum() == 0;
    }

    BigDecimal toBigDecimal(MathContext mc) {
        return new BigDecimal(num).divide(new BigDecimal(den), mc);
    }

    double doubleValue() {
        return toBigDecimal(MathContext.DECIMAL128).doubleValue();
    }
}
