/**
 * Training of shapes-VQA models: the training config ({@link dev.fovea.training.TrainingConfig}), the trainer
 * ({@link dev.fovea.training.ShapesVqaTrainer}) with its progress reports and metrics, and the in-memory result
 * ({@link dev.fovea.training.TrainedModel}).
 */
package dev.fovea.training;
