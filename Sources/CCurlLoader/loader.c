// libcurl, loaded when first called rather than when feedspool starts.
//
// Loading libcurl means loading the 30-odd libraries it needs (OpenSSL,
// GSSAPI, LDAP, SSH, IDN, HTTP/2…), which costs about 6 ms of CPU at every
// start, two thirds of what `feedspool --version` takes; only `once` and
// `run` fetch anything. So the binary does not link libcurl: this file
// defines each libcurl function the Fetcher calls, hidden (not exported, so
// libcurl's own calls never come here), and the first call dlopen()s
// libcurl.so.4 and looks all of them up. Without libcurl, that first call
// prints one line and exits 1.
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>

// Only libcurl's own declarations are hidden: the system headers it
// includes are read above, outside the pragma.
#define CURL_DISABLE_TYPECHECK 1
#pragma GCC visibility push(hidden)
#include <curl/curl.h>
#pragma GCC visibility pop

#define FS_HIDDEN __attribute__((visibility("hidden")))

// Every libcurl function the Fetcher calls: return type, name, parameters.
#define FS_CURL_FUNCTIONS(X) \
    X(CURLcode, curl_global_init, (long flags)) \
    X(curl_version_info_data *, curl_version_info, (CURLversion version)) \
    X(CURL *, curl_easy_init, (void)) \
    X(void, curl_easy_cleanup, (CURL *handle)) \
    X(CURLcode, curl_easy_setopt, (CURL *handle, CURLoption option, ...)) \
    X(CURLcode, curl_easy_getinfo, (CURL *handle, CURLINFO info, ...)) \
    X(const char *, curl_easy_strerror, (CURLcode code)) \
    X(CURLM *, curl_multi_init, (void)) \
    X(CURLMcode, curl_multi_cleanup, (CURLM *multi)) \
    X(CURLMcode, curl_multi_setopt, (CURLM *multi, CURLMoption option, ...)) \
    X(CURLMcode, curl_multi_add_handle, (CURLM *multi, CURL *handle)) \
    X(CURLMcode, curl_multi_remove_handle, (CURLM *multi, CURL *handle)) \
    X(CURLMcode, curl_multi_perform, (CURLM *multi, int *running)) \
    X(CURLMcode, curl_multi_poll, (CURLM *multi, struct curl_waitfd *fds, unsigned int count, int timeout, int *ready)) \
    X(CURLMcode, curl_multi_wakeup, (CURLM *multi)) \
    X(CURLMsg *, curl_multi_info_read, (CURLM *multi, int *queued)) \
    X(const char *, curl_multi_strerror, (CURLMcode code)) \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist *list, const char *text)) \
    X(void, curl_slist_free_all, (struct curl_slist *list)) \
    X(CURLU *, curl_url, (void)) \
    X(void, curl_url_cleanup, (CURLU *url)) \
    X(CURLUcode, curl_url_get, (CURLU *url, CURLUPart part, char **text, unsigned int flags)) \
    X(CURLUcode, curl_url_set, (CURLU *url, CURLUPart part, const char *text, unsigned int flags)) \
    X(const char *, curl_url_strerror, (CURLUcode code)) \
    X(void, curl_free, (void *pointer)) \
    X(time_t, curl_getdate, (const char *text, const time_t *unused))

#define FS_FIELD(type, name, parameters) type (*name) parameters;
static struct { FS_CURL_FUNCTIONS(FS_FIELD) } libcurl;
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void fs_load_libcurl(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "feedspool: cannot load libcurl: %s\n", dlerror());
        exit(1);
    }
#define FS_LOOK_UP(type, name, parameters) \
    *(void **)&libcurl.name = dlsym(library, #name); \
    if (libcurl.name == NULL) { \
        fprintf(stderr, "feedspool: libcurl.so.4 lacks %s (feedspool needs libcurl 7.85 or later)\n", #name); \
        exit(1); \
    }
    FS_CURL_FUNCTIONS(FS_LOOK_UP)
}

#define LIBCURL (pthread_once(&loaded, fs_load_libcurl), &libcurl)

// MARK: - The functions, as curl/curl.h declares them

FS_HIDDEN CURLcode curl_global_init(long flags) { return LIBCURL->curl_global_init(flags); }
FS_HIDDEN curl_version_info_data *curl_version_info(CURLversion version) { return LIBCURL->curl_version_info(version); }
FS_HIDDEN CURL *curl_easy_init(void) { return LIBCURL->curl_easy_init(); }
FS_HIDDEN void curl_easy_cleanup(CURL *handle) { LIBCURL->curl_easy_cleanup(handle); }
FS_HIDDEN const char *curl_easy_strerror(CURLcode code) { return LIBCURL->curl_easy_strerror(code); }
FS_HIDDEN CURLM *curl_multi_init(void) { return LIBCURL->curl_multi_init(); }
FS_HIDDEN CURLMcode curl_multi_cleanup(CURLM *multi) { return LIBCURL->curl_multi_cleanup(multi); }
FS_HIDDEN CURLMcode curl_multi_add_handle(CURLM *multi, CURL *handle) { return LIBCURL->curl_multi_add_handle(multi, handle); }
FS_HIDDEN CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *handle) { return LIBCURL->curl_multi_remove_handle(multi, handle); }
FS_HIDDEN CURLMcode curl_multi_perform(CURLM *multi, int *running) { return LIBCURL->curl_multi_perform(multi, running); }
FS_HIDDEN CURLMcode curl_multi_poll(CURLM *multi, struct curl_waitfd *fds, unsigned int count, int timeout, int *ready) {
    return LIBCURL->curl_multi_poll(multi, fds, count, timeout, ready);
}
FS_HIDDEN CURLMcode curl_multi_wakeup(CURLM *multi) { return LIBCURL->curl_multi_wakeup(multi); }
FS_HIDDEN CURLMsg *curl_multi_info_read(CURLM *multi, int *queued) { return LIBCURL->curl_multi_info_read(multi, queued); }
FS_HIDDEN const char *curl_multi_strerror(CURLMcode code) { return LIBCURL->curl_multi_strerror(code); }
FS_HIDDEN struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    return LIBCURL->curl_slist_append(list, text);
}
FS_HIDDEN void curl_slist_free_all(struct curl_slist *list) { LIBCURL->curl_slist_free_all(list); }
FS_HIDDEN CURLU *curl_url(void) { return LIBCURL->curl_url(); }
FS_HIDDEN void curl_url_cleanup(CURLU *url) { LIBCURL->curl_url_cleanup(url); }
FS_HIDDEN CURLUcode curl_url_get(CURLU *url, CURLUPart part, char **text, unsigned int flags) {
    return LIBCURL->curl_url_get(url, part, text, flags);
}
FS_HIDDEN CURLUcode curl_url_set(CURLU *url, CURLUPart part, const char *text, unsigned int flags) {
    return LIBCURL->curl_url_set(url, part, text, flags);
}
FS_HIDDEN const char *curl_url_strerror(CURLUcode code) { return LIBCURL->curl_url_strerror(code); }
FS_HIDDEN void curl_free(void *pointer) { LIBCURL->curl_free(pointer); }
FS_HIDDEN time_t curl_getdate(const char *text, const time_t *unused) { return LIBCURL->curl_getdate(text, unused); }

// MARK: - The variadic ones

// An option's number tells the type of its argument, as libcurl reads it:
// below CURLOPTTYPE_OBJECTPOINT a long, then pointers, function pointers,
// curl_off_t, and blobs (passed by pointer). The multi options use the same
// ranges.
#define FS_FORWARD_OPTION(function, handle, option, arguments) \
    (option) < CURLOPTTYPE_OBJECTPOINT ? LIBCURL->function(handle, option, va_arg(arguments, long)) \
    : (option) < CURLOPTTYPE_FUNCTIONPOINT ? LIBCURL->function(handle, option, va_arg(arguments, void *)) \
    : (option) < CURLOPTTYPE_OFF_T ? LIBCURL->function(handle, option, va_arg(arguments, void (*)(void))) \
    : (option) < CURLOPTTYPE_BLOB ? LIBCURL->function(handle, option, va_arg(arguments, curl_off_t)) \
    : LIBCURL->function(handle, option, va_arg(arguments, void *))

FS_HIDDEN CURLcode curl_easy_setopt(CURL *handle, CURLoption option, ...) {
    va_list arguments;
    va_start(arguments, option);
    CURLcode code = FS_FORWARD_OPTION(curl_easy_setopt, handle, option, arguments);
    va_end(arguments);
    return code;
}

FS_HIDDEN CURLMcode curl_multi_setopt(CURLM *multi, CURLMoption option, ...) {
    va_list arguments;
    va_start(arguments, option);
    CURLMcode code = FS_FORWARD_OPTION(curl_multi_setopt, multi, option, arguments);
    va_end(arguments);
    return code;
}

// Every CURLINFO takes a pointer to where the value goes.
FS_HIDDEN CURLcode curl_easy_getinfo(CURL *handle, CURLINFO info, ...) {
    va_list arguments;
    va_start(arguments, info);
    CURLcode code = LIBCURL->curl_easy_getinfo(handle, info, va_arg(arguments, void *));
    va_end(arguments);
    return code;
}
