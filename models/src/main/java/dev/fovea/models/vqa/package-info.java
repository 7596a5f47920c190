/**
 * Visual question answering on the shapes task with pluggable attention: the network
 * ({@link dev.fovea.models.vqa.ShapesVqaNet}) and the attention choice ({@link dev.fovea.models.vqa.AttentionKind}).
 */
package dev.fovea.models.vqa;
