package org.gramian.stats;

/**
 * Tail probabilities of Student's t and Fisher's F through the regularized incomplete beta
 * function I_x(a, b), evaluated by its continued fraction (modified Lentz) with the Lanczos
 * log-gamma. Accurate to about 1e-14 absolute, ample for p-values.
 */
public final class Distributions {
    private Distributions() {
    }

    /** Two-sided p-value P(|T| ≥ |t|) for T ~ t(df) = I_{df/(df+t²)}(df/2, 1/2). */
    public static double studentTwoSided(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** Upper tail P(F ≥ f) for F ~ F(d1, d2) = I_{d2/(d2+d1·f)}(d2/2, d1/2). */
    public static double fisherUpper(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(f)) {
            return 0.0;
        }
        if (f <= 0) {
            return 1.0;
        }
        return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /** I_x(a, b). */
    public static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0.0;
        }
        if (x >= 1) {
            return 1.0;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
        }
        return 1.0 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1.0;
        double d = 1.0 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1.0 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1.0 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1.0 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1.0 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < 1e-16) {
                break;
            }
        }
        return h;
    }

    private static final double[] LANCZOS = {
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248,
        14.136097974741747174, -0.49191381609762019978, 0.33994649984811888699e-4,
        0.46523628927048575665e-4, -0.98374475304879564677e-4, 0.15808870322491248884e-3,
        -0.21026444172410488319e-3, 0.21743961811521264320e-3, -0.16431810653676389022e-3,
        0.84418223983852743293e-4, -0.26190838401581408670e-4, 0.36899182659531622704e-5,
    };

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 607/128). */
    public static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double g = 607.0 / 128.0;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x - 1 + i);
        }
        double t = x - 1 + g + 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (x - 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
