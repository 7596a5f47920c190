/**
 * Fovea's numerical ops as JSON request/answer handlers, shared by {@code POST /api/v1/ops/…} and
 * {@code ./fovea ops}.
 */
package dev.fovea.serving.ops;
