package dev.fovea.attention.continuous;

import java.util.Objects;

/**
 * What the 2-D continuous attention blocks share beyond {@link ValueFunctionAttention}: a Gaussian value basis on the
 * unit square and value functions on square grids of \( L = G^2 \) cells.
 */
abstract class UnitSquareAttention extends ValueFunctionAttention<RidgeValueFunction> {

    private final GaussianBasis2 basis;

    UnitSquareAttention(byte version, GaussianBasis2 basis, double ridge, int padCellsPerSide) {
        super(version, ridge, padCellsPerSide);
        this.basis = Objects.requireNonNull(basis, "basis must not be null");
    }

    /** The value basis. */
    public GaussianBasis2 basis() {
        return basis;
    }

    @Override
    RidgeValueFunction fit(long cellCount) {
        return RidgeValueFunction.fit(basis, UnitSquareGrid.ofCellCount(cellCount), ridge(), padCellsPerSide());
    }
}
