/**
 * The rules every edge of the platform applies, written once and free of any web stack:
 * the servlet services ({@code service-support}) and the reactive gateway adapt them.
 */
package com.example.platform.edge;
