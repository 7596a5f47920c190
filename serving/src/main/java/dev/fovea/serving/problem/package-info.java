/**
 * One error shape for every edge of Fovea: RFC 9457 problem details naming the request field at fault.
 */
package dev.fovea.serving.problem;
