/**
 * The Jakarta REST edge: resources validate, delegate to services and map failures to problem documents.
 */
package dev.fovea.serving.api;
