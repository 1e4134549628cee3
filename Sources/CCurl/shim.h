// Typed shims over libcurl for the Fetcher module: curl_easy_setopt,
// curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot
// call, so each argument type gets its own small function.
//
// feedspool needs libcurl 7.85 or later (CURLOPT_PROTOCOLS_STR); Debian 12
// ships 7.88.
#ifndef FEEDSPOOL_CCURL_SHIM_H
#define FEEDSPOOL_CCURL_SHIM_H

#include <curl/curl.h>

// MARK: - Easy handle options

/// Sets an option that takes a `long` (flags, counts, seconds, milliseconds).
static inline CURLcode fs_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a `curl_off_t` (sizes: CURLOPT_MAXFILESIZE_LARGE).
static inline CURLcode fs_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a string; libcurl copies it.
static inline CURLcode fs_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a pointer libcurl keeps but never frees
/// (CURLOPT_PRIVATE, CURLOPT_ERRORBUFFER, the callbacks' user data).
static inline CURLcode fs_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets a header list (CURLOPT_HTTPHEADER); it must outlive the transfer.
static inline CURLcode fs_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/// Sets the body callback (CURLOPT_WRITEFUNCTION) and its user data.
static inline CURLcode fs_curl_setopt_write_callback(CURL *handle, curl_write_callback callback,
                                                     void *user) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_WRITEDATA, user);
}

/// Sets the header callback (CURLOPT_HEADERFUNCTION) and its user data. It
/// receives every header line of every response, redirects included.
static inline CURLcode fs_curl_setopt_header_callback(CURL *handle, curl_write_callback callback,
                                                      void *user) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_HEADERDATA, user);
}

// MARK: - Easy handle information

/// Reads a `long` (CURLINFO_RESPONSE_CODE, CURLINFO_REDIRECT_COUNT).
static inline long fs_curl_getinfo_long(CURL *handle, CURLINFO info) {
    long value = 0;
    if (curl_easy_getinfo(handle, info, &value) != CURLE_OK) return 0;
    return value;
}

/// Reads a string owned by the handle (CURLINFO_EFFECTIVE_URL), or NULL.
static inline const char *fs_curl_getinfo_string(CURL *handle, CURLINFO info) {
    char *value = NULL;
    if (curl_easy_getinfo(handle, info, &value) != CURLE_OK) return NULL;
    return value;
}

// MARK: - Multi handle

/// Sets a multi option that takes a `long` (CURLMOPT_MAX_HOST_CONNECTIONS…).
static inline CURLMcode fs_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// The easy handle of a finished transfer and its result; `*handle` is NULL
/// when no transfer has finished since the last call.
static inline void fs_curl_multi_next_done(CURLM *multi, CURL **handle, CURLcode *result) {
    int queued = 0;
    *handle = NULL;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *handle = message->easy_handle;
            *result = message->data.result;
            return;
        }
    }
}

// MARK: - Library features

/// Whether the libcurl in use decodes `Content-Encoding: br`.
static inline int fs_curl_decodes_brotli(void) {
    return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_BROTLI) != 0;
}

/// Whether the libcurl in use decodes `Content-Encoding: zstd`.
static inline int fs_curl_decodes_zstd(void) {
    return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_ZSTD) != 0;
}

/// Whether the libcurl in use decodes gzip and deflate (it was built with zlib).
static inline int fs_curl_decodes_gzip(void) {
    return (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_LIBZ) != 0;
}

/// The libcurl version in use, such as "7.88.1".
static inline const char *fs_curl_version(void) {
    return curl_version_info(CURLVERSION_NOW)->version;
}

/// The libcurl version in use as 0xXXYYZZ, for feature checks.
static inline unsigned int fs_curl_version_number(void) {
    return curl_version_info(CURLVERSION_NOW)->version_num;
}

#endif
