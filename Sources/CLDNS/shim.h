// The only C surface dnssec-check uses: ldns (which pulls in OpenSSL's
// headers) and OpenSSL's error queue. LDNSBridge is the only Swift target
// that imports this module.
#ifndef CLDNS_SHIM_H
#define CLDNS_SHIM_H
#include <ldns/ldns.h>
#include <openssl/err.h>
#include <stdio.h>
#include <stdlib.h>

// ldns_output_format_nocomments is a mutable global in C; reading it through
// a function keeps Swift's strict concurrency checking quiet and honest.
static inline char *CLDNSShims_rr2str_nocomments(const ldns_rr *rr) {
    return ldns_rr2str_fmt(ldns_output_format_nocomments, rr);
}
#endif
