/** Exchange-style addressing shared by Autodiscover, EMSMDB and NSPI: legacy X.500 DNs. */
package io.convene.mapi.addressing;
