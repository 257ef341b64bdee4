/** Tasks (MS-OXOTASK) to and from VTODO (RFC 5545 3.6.2, MS-OXCICAL). */
package io.convene.convert.task;
