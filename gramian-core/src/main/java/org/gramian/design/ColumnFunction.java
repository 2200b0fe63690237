package org.gramian.design;

import java.util.List;
import java.util.Map;
import org.gramian.design.formula.Expr;
import org.gramian.numeric.DD;
import org.gramian.numeric.Decimal;
import org.gramian.stats.DDMath;

/**
 * One column of X as a function of a row's feature values, in double precision and in
 * double-double, compiled once from its {@link Term} (feature names resolved to indices). A factor
 * feature's value is the index of its level in the model's levels. Arithmetic in double-double
 * ({@code log}, {@code exp} by {@link DDMath}) keeps the certified path's 106 bits; a result that is
 * not a number (log of 0 or of a negative number) comes out non-finite and is reported by the
 * {@link Design}.
 */
abstract class ColumnFunction {
    private static final DD LN2 = DDMath.log(DD.of(2));
    private static final DD LN10 = DDMath.log(DD.of(10));

    abstract double value(double[] f);

    abstract DD exact(DD[] f);

    /**
     * The function of {@code term}; {@code index} maps a feature name to its index, {@code levels}
     * gives each factor's levels in model order ({@link ModelSpec#levels()}).
     */
    static ColumnFunction of(Term term, Map<String, Integer> index, Map<String, List<String>> levels) {
        if (term instanceof Term.Intercept) {
            return constant(1.0, DD.ONE);
        }
        if (term instanceof Term.Column c) {
            return feature(index.get(c.column()));
        }
        if (term instanceof Term.Power p) {
            return power(feature(index.get(p.column())), p.exponent());
        }
        if (term instanceof Term.Dummy d) {
            int f = index.get(d.column());
            int level = levels.get(d.column()).indexOf(d.level());
            return new ColumnFunction() {
                @Override
                double value(double[] v) {
                    return v[f] == level ? 1.0 : 0.0;
                }

                @Override
                DD exact(DD[] v) {
                    return v[f].hi == level ? DD.ONE : DD.ZERO;
                }
            };
        }
        if (term instanceof Term.Interaction in) {
            ColumnFunction[] parts = in.parts().stream().map(t -> of(t, index, levels))
                    .toArray(ColumnFunction[]::new);
            return new ColumnFunction() {
                @Override
                double value(double[] v) {
                    double p = parts[0].value(v);
                    for (int k = 1; k < parts.length; k++) {
                        p *= parts[k].value(v);
                    }
                    return p;
                }

                @Override
                DD exact(DD[] v) {
                    DD p = parts[0].exact(v);
                    for (int k = 1; k < parts.length; k++) {
                        p = p.multiply(parts[k].exact(v));
                    }
                    return p;
                }
            };
        }
        return compile(((Term.Expression) term).expr(), index);
    }

    private static ColumnFunction compile(Expr e, Map<String, Integer> index) {
        if (e instanceof Expr.Var v) {
            return feature(index.get(v.name()));
        }
        if (e instanceof Expr.Num n) {
            // the literal as written, to 106 bits (0.1 is not a double)
            return constant(n.value(), DD.of(n.value(), Decimal.tail(n.deparse(), n.value())));
        }
        if (e instanceof Expr.Paren p) {
            return compile(p.inner(), index);
        }
        if (e instanceof Expr.Neg n) {
            ColumnFunction a = compile(n.operand(), index);
            return unary(a, x -> -x, DD::negate);
        }
        if (e instanceof Expr.Binary b) {
            ColumnFunction l = compile(b.left(), index);
            if (b.op() == '^') {
                Integer k = integer(b.right());
                if (k != null) {
                    return power(l, k);
                }
                ColumnFunction r = compile(b.right(), index);
                return new ColumnFunction() {
                    @Override
                    double value(double[] v) {
                        return Math.pow(l.value(v), r.value(v));
                    }

                    @Override
                    DD exact(DD[] v) {
                        DD x = l.exact(v);
                        // x^y = exp(y·ln x) for x > 0; 0^y = 0 for y > 0; else not a real number (NaN)
                        if (x.signum() == 0) {
                            double y = r.exact(v).hi;
                            return DD.of(y > 0 ? 0.0 : y == 0 ? 1.0 : Double.POSITIVE_INFINITY);
                        }
                        return x.signum() < 0 ? DD.of(Double.NaN) : DDMath.exp(r.exact(v).multiply(DDMath.log(x)));
                    }
                };
            }
            ColumnFunction r = compile(b.right(), index);
            return switch (b.op()) {
                case '+' -> binary(l, r, Double::sum, DD::add);
                case '-' -> binary(l, r, (x, y) -> x - y, DD::subtract);
                case '*' -> binary(l, r, (x, y) -> x * y, DD::multiply);
                case '/' -> binary(l, r, (x, y) -> x / y, (x, y) -> y.signum() == 0
                        ? DD.of(x.hi / 0.0) : x.divide(y));
                default -> throw new IllegalArgumentException("operator " + b.op() + " in arithmetic");
            };
        }
        Expr.Call c = (Expr.Call) e;
        ColumnFunction a = compile(c.args().get(0), index);
        return switch (c.function()) {
            case "I" -> a;
            case "log" -> unary(a, Math::log, ColumnFunction::log);
            case "log2" -> unary(a, x -> Math.log(x) / Math.log(2), x -> divide(log(x), LN2));
            case "log10" -> unary(a, Math::log10, x -> divide(log(x), LN10));
            case "exp" -> unary(a, Math::exp, DDMath::exp);
            case "sqrt" -> unary(a, Math::sqrt, x -> x.signum() < 0 ? DD.of(Double.NaN) : x.sqrt());
            case "abs" -> unary(a, Math::abs, DD::abs);
            default -> throw new IllegalArgumentException("function " + c.function() + " in arithmetic");
        };
    }

    private static DD log(DD x) {
        return DDMath.log(x);
    }

    private static DD divide(DD x, DD y) {
        return Double.isFinite(x.hi) ? x.divide(y) : x;
    }

    private static Integer integer(Expr e) {
        if (e instanceof Expr.Num n && n.value() == Math.rint(n.value()) && Math.abs(n.value()) <= 1024) {
            return (int) n.value();
        }
        if (e instanceof Expr.Neg n) {
            Integer k = integer(n.operand());
            return k == null ? null : -k;
        }
        if (e instanceof Expr.Paren p) {
            return integer(p.inner());
        }
        return null;
    }

    private static ColumnFunction feature(int f) {
        return new ColumnFunction() {
            @Override
            double value(double[] v) {
                return v[f];
            }

            @Override
            DD exact(DD[] v) {
                return v[f];
            }
        };
    }

    private static ColumnFunction constant(double d, DD x) {
        return new ColumnFunction() {
            @Override
            double value(double[] v) {
                return d;
            }

            @Override
            DD exact(DD[] v) {
                return x;
            }
        };
    }

    /** xᵏ by repeated multiplication (as the polynomial terms: x·x·…·x), 1/x^|k| for k &lt; 0. */
    private static ColumnFunction power(ColumnFunction a, int k) {
        return new ColumnFunction() {
            @Override
            double value(double[] v) {
                double x = a.value(v);
                double p = 1.0;
                for (int i = 0; i < Math.abs(k); i++) {
                    p = i == 0 ? x : p * x;
                }
                return k < 0 ? 1.0 / p : p;
            }

            @Override
            DD exact(DD[] v) {
                DD x = a.exact(v);
                DD p = DD.ONE;
                for (int i = 0; i < Math.abs(k); i++) {
                    p = i == 0 ? x : p.multiply(x);
                }
                return k >= 0 ? p : p.signum() == 0 ? DD.of(Double.POSITIVE_INFINITY) : DD.ONE.divide(p);
            }
        };
    }

    private static ColumnFunction unary(ColumnFunction a, java.util.function.DoubleUnaryOperator d,
                                        java.util.function.UnaryOperator<DD> x) {
        return new ColumnFunction() {
            @Override
            double value(double[] v) {
                return d.applyAsDouble(a.value(v));
            }

            @Override
            DD exact(DD[] v) {
                DD in = a.exact(v);
                return Double.isFinite(in.hi) ? x.apply(in) : in;
            }
        };
    }

    private static ColumnFunction binary(ColumnFunction l, ColumnFunction r, java.util.function.DoubleBinaryOperator d,
                                         java.util.function.BinaryOperator<DD> x) {
        return new ColumnFunction() {
            @Override
            double value(double[] v) {
                return d.applyAsDouble(l.value(v), r.value(v));
            }

            @Override
            DD exact(DD[] v) {
                DD a = l.exact(v);
                DD b = r.exact(v);
                return Double.isFinite(a.hi) && Double.isFinite(b.hi) ? x.apply(a, b) : DD.of(a.hi + b.hi);
            }
        };
    }
}
