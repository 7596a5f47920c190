package dev.fovea.attention.continuous;

import ai.djl.ndarray.NDArray;

/** The attention map a continuous block shows: its density at the cell centres, normalised over the cells. */
final class AttentionMaps {

    private AttentionMaps() {
    }

    /**
     * Rows of non-negative weights normalised to sum 1; an all-zero row (a sparse support holding no cell centre)
     * stays all zeros, never NaN, with zero gradient, as the {@link dev.fovea.attention.AttentionBlock} contract
     * allows.
     *
     * @param weights \( [B, L] \), non-negative
     * @return \( [B, L] \)
     */
    static NDArray normalisedRows(NDArray weights) {
        NDArray total = weights.sum(new int[] {1}, true);
        return weights.div(total.add(total.eq(0).toType(weights.getDataType(), false)));
    }
}
