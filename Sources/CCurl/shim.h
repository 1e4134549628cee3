// Typed shims over libcurl for the Fetcher module: curl_easy_setopt and
// curl_easy_getinfo are variadic, which Swift cannot call.
#ifndef FEEDSPOOL_CCURL_SHIM_H
#define FEEDSPOOL_CCURL_SHIM_H

#include <curl/curl.h>

#endif
