/**
 * Reading JSON requests so that every error names the JSON path of the value at fault.
 */
package dev.fovea.serving.request;
