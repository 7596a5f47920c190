/**
 * Server-side rendering of images and attention maps for the views.
 */
package dev.fovea.webui.render;
