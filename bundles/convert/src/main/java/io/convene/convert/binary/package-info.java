/**
 * Bounded little-endian reading and writing of the binary property values that MS-OXOCAL
 * defines (recurrence patterns, time zone structures), with one checked exception for bad input.
 * Private to the convert bundle.
 */
package io.convene.convert.binary;
