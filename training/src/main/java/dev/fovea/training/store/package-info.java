/**
 * The on-disk model store: atomic, versioned saves of trained models ({@link dev.fovea.training.store.ModelStore}),
 * their metadata ({@link dev.fovea.training.store.ModelMetadata}, {@code model.json}) and loading for thread-safe
 * inference ({@link dev.fovea.training.store.LoadedVqaModel}).
 */
package dev.fovea.training.store;
