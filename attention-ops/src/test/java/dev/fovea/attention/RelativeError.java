package dev.fovea.attention;

/** The error measure of the gradient and kernel-agreement checks. */
public final class RelativeError {

    private RelativeError() {
    }

    /**
     * The norm-wise relative error \( \lVert a - b \rVert_\infty / \lVert b \rVert_\infty \) of {@code actual}
     * against {@code reference}: entry-wise relative errors would blow up on entries that are zero by symmetry.
     */
    public static double normwise(double[] actual, double[] reference) {
        if (actual.length != reference.length) {
            throw new IllegalArgumentException("lengths differ: " + actual.length + " vs " + reference.length);
        }
        double diff = 0.0;
        double scale = 0.0;
        for (int i = 0; i < actual.length; i++) {
            diff = Math.max(diff, Math.abs(actual[i] - reference[i]));
            scale = Math.max(scale, Math.abs(reference[i]));
        }
        return diff / scale;
    }
}
