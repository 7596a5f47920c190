/**
 * The catalog of trained models: one database row per model version, on H2 or PostgreSQL.
 */
package dev.fovea.serving.catalog;
