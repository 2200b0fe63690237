package org.gramian.accumulate;

/** Run by {@link GramKernelsTest} in a fresh JVM: prints the kernel choice as a user would get it. */
public final class KernelProbe {
    private KernelProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("update-vector")) {
            try {
                GramKernels.update(GramKernels.Kind.VECTOR, new double[][] {{1}}, 1, 1, new double[1][1]);
                System.out.println("no exception");
            } catch (IllegalStateException e) {
                System.out.println("IllegalStateException: " + e.getMessage());
            }
            return;
        }
        System.out.println(GramKernels.active().label() + " " + GramKernels.vectorAvailable() + " "
                + GramKernels.description());
    }
}
