/**
 * The model service: training jobs, the model store on disk, the catalog in the database, cached loaded models.
 */
package dev.fovea.serving.models;
