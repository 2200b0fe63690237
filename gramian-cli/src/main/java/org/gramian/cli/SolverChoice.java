package org.gramian.cli;

import org.gramian.solve.SolverKind;

/** The {@code --solver} values, spelled as the user types them. */
enum SolverChoice {
    auto(SolverKind.AUTO), cholesky(SolverKind.CHOLESKY), qr(SolverKind.QR), svd(SolverKind.SVD);

    private final SolverKind kind;

    SolverChoice(SolverKind kind) {
        this.kind = kind;
    }

    SolverKind kind() {
        return kind;
    }
}
