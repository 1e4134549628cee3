// The loader defines libcurl's functions itself (loader.c) and declares
// nothing new: the Fetcher calls them as curl/curl.h declares them.
#ifndef FEEDSPOOL_CURL_LOADER_H
#define FEEDSPOOL_CURL_LOADER_H
#endif
