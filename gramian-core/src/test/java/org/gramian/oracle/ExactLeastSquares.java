package org.gramian.oracle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Least squares in exact rational arithmetic — the independent oracle. Solves XᵀX w = Xᵀy by
 * fraction-exact Gauss–Jordan elimination; also (XᵀX)⁻¹, RSS and TSS, so standard errors and R²
 * are exact up to the final square root (taken to 40 digits).
 */
final class ExactLeastSquares {
    final Fraction[] w;
    final Fraction[][] inverse;
    final Fraction rss;
    final Fraction tss;
    final int n;
    final int p;

    ExactLeastSquares(Fraction[][] x, Fraction[] y, boolean intercept) {
        n = x.length;
        p = x[0].length;
        Fraction[][] a = new Fraction[p][2 * p + 1];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                Fraction s = Fraction.ZERO;
                for (int k = 0; k < n; k++) {
                    s = s.add(x[k][i].multiply(x[k][j]));
                }
                a[i][j] = s;
                a[i][p + j] = i == j ? Fraction.ONE : Fraction.ZERO;
            }
            Fraction s = Fraction.ZERO;
            for (int k = 0; k < n; k++) {
                s = s.add(x[k][i].multiply(y[k]));
            }
            a[i][2 * p] = s;
        }
        Fraction[] xty = new Fraction[p];
        for (int i = 0; i < p; i++) {
            xty[i] = a[i][2 * p];
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            while (a[piv][c].isZero()) {
                piv++;
            }
            Fraction[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            Fraction d = a[c][c];
            for (int j = 0; j <= 2 * p; j++) {
                a[c][j] = a[c][j].divide(d);
            }
            for (int r = 0; r < p; r++) {
                if (r != c && !a[r][c].isZero()) {
                    Fraction f = a[r][c];
                    for (int j = 0; j <= 2 * p; j++) {
                        a[r][j] = a[r][j].subtract(f.multiply(a[c][j]));
                    }
                }
            }
        }
        w = new Fraction[p];
        inverse = new Fraction[p][p];
        for (int i = 0; i < p; i++) {
            w[i] = a[i][2 * p];
            System.arraycopy(a[i], p, inverse[i], 0, p);
        }
        Fraction yty = Fraction.ZERO;
        Fraction sumY = Fraction.ZERO;
        for (int k = 0; k < n; k++) {
            yty = yty.add(y[k].multiply(y[k]));
            sumY = sumY.add(y[k]);
        }
        Fraction fitted = Fraction.ZERO;
        for (int i = 0; i < p; i++) {
            fitted = fitted.add(w[i].multiply(xty[i]));
        }
        rss = yty.subtract(fitted);
        tss = intercept ? yty.subtract(sumY.multiply(sumY).divide(Fraction.of(n))) : yty;
    }

    /**
     * The exact polynomial fit y = b0 + b1·x + … + b_degree·x^degree (with intercept) of decimal
     * rows {x, y}, each taken at its exact decimal value.
     */
    static ExactLeastSquares polynomial(List<String[]> rows, int degree) {
        int n = rows.size();
        Fraction[][] x = new Fraction[n][degree + 1];
        Fraction[] y = new Fraction[n];
        for (int i = 0; i < n; i++) {
            Fraction fx = Fraction.of(rows.get(i)[0]);
            Fraction pow = Fraction.ONE;
            for (int k = 0; k <= degree; k++) {
                x[i][k] = pow;
                pow = pow.multiply(fx);
            }
            y[i] = Fraction.of(rows.get(i)[1]);
        }
        return new ExactLeastSquares(x, y, true);
    }

    double standardError(int j) {
        MathContext mc = new MathContext(40);
        BigDecimal s2 = rss.divide(Fraction.of(n - p)).multiply(inverse[j][j]).toBigDecimal(mc);
        return s2.sqrt(mc).doubleValue();
    }

    double residualSd() {
        MathContext mc = new MathContext(40);
        return rss.divide(Fraction.of(n - p)).toBigDecimal(mc).sqrt(mc).doubleValue();
    }

    double rSquared() {
        return Fraction.ONE.subtract(rss.divide(tss)).doubleValue();
    }
}
