/**
 * The synthetic "shapes" visual question answering task: images of coloured squares and circles, counting questions
 * over a closed vocabulary, answers, and the ground-truth relevance of each grid cell to the question — the
 * attention a perfect model would pay.
 *
 * <p>Geometry: an image is {@code imageSize} pixels square, stored height × width × channel, row-major with the row
 * along \( y \) (top first); the grid cuts it into {@code grid} × {@code grid} cells with flat index
 * {@code row * grid + col}, the same order as {@code dev.fovea.attention.continuous.UnitSquareGrid}.
 */
package dev.fovea.models.shapes;
