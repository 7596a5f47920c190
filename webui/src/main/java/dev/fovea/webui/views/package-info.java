/**
 * The Vaadin views of the dashboard. Views compose components and call services; no math here.
 */
package dev.fovea.webui.views;
