// Typed shims over libxml2 for the FeedParser and Cleaner modules.
//
// Debian's libxml2 is built with ICU support, and its headers then declare ICU
// types that clash with Foundation's copy of ICU ("'UErrorCode' has different
// definitions"). feedspool never uses libxml2's ICU path, so the flag is dropped
// before any other libxml2 header is read.
#ifndef FEEDSPOOL_CLIBXML2_SHIM_H
#define FEEDSPOOL_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/encoding.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/hash.h>

/// The external entity loader feedspool installs: it refuses every URL, so no
/// DTD, external entity or XInclude can ever be read from disk or network.
static xmlParserInputPtr fs_xml_refusing_loader(const char *url, const char *id,
                                                xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/// Makes libxml2 ready for use from any thread and installs the refusing
/// external entity loader for the whole process. Call it once, before the
/// first XML parse (FeedParser's `LibXML2.ready`): the loader is a global
/// that parses on other threads read.
static inline void fs_xml_set_up(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(fs_xml_refusing_loader);
}

/// Parses `length` bytes of UTF-8 XML with the SAX handler `sax`, passing
/// `user` to every callback. Returns 1 when the document was well-formed, 0
/// when libxml2 had to recover from errors, -1 when no parser could be made.
/// The handler is borrowed: it is detached before the context is freed.
static inline int fs_xml_sax_parse(xmlSAXHandlerPtr sax, void *user,
                                   const char *bytes, int length, int options) {
    xmlParserCtxtPtr context = xmlCreateMemoryParserCtxt(bytes, length);
    if (context == NULL) return -1;
    xmlFree(context->sax);
    context->sax = sax;
    context->userData = user;
    xmlCtxtUseOptions(context, options);
    xmlParseDocument(context);
    int wellFormed = context->wellFormed;
    context->sax = NULL;
    context->userData = NULL;
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    xmlFreeParserCtxt(context);
    return wellFormed ? 1 : 0;
}

/// Makes a strict push parser that calls the SAX handler `sax` (copied)
/// with `user`. libxml2 2.9's push parser finds the end of a CDATA section
/// with one scan where the pull parser decodes it character by character,
/// but it has no nesting limit: its caller must stop it (`fs_xml_stop_parser`)
/// beyond 256 levels. Free it with `fs_xml_free_push_parser`; NULL when
/// memory runs out.
static inline xmlParserCtxtPtr fs_xml_new_push_parser(xmlSAXHandlerPtr sax, void *user,
                                                      int options) {
    xmlParserCtxtPtr context = xmlCreatePushParserCtxt(sax, user, NULL, 0, NULL);
    if (context == NULL) return NULL;
    xmlCtxtUseOptions(context, options);
    return context;
}

/// Parses all `length` bytes of a UTF-8 document with a push parser made by
/// `fs_xml_new_push_parser`, in one chunk. Returns 1 when the document was
/// well-formed and read to its end, 0 otherwise.
static inline int fs_xml_push_parse(xmlParserCtxtPtr context, const char *bytes, int length) {
    int failed = xmlParseChunk(context, bytes, length, 1);
    return (failed == 0 && context->wellFormed && !context->disableSAX) ? 1 : 0;
}

/// Makes a parser stop: no more SAX events, and the parse reports failure.
static inline void fs_xml_stop_parser(xmlParserCtxtPtr context) {
    xmlStopParser(context);
}

/// Frees a parser made by `fs_xml_new_push_parser`.
static inline void fs_xml_free_push_parser(xmlParserCtxtPtr context) {
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    xmlFreeParserCtxt(context);
}

/// Parses `length` bytes of UTF-8 HTML with the SAX handler `sax` (libxml2's
/// forgiving HTML parser), passing `user` to every callback.
static inline void fs_html_sax_parse(htmlSAXHandlerPtr sax, void *user,
                                     const char *bytes, int length, int options) {
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(bytes, length);
    if (context == NULL) return;
    xmlFree(context->sax);
    context->sax = sax;
    context->userData = user;
    htmlCtxtUseOptions(context, options);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
#if LIBXML_VERSION < 21000
    // The whole document is in the input buffer already. In the 2.9 HTML
    // parser, "progressive" does nothing but turn off its GROW checks,
    // which within 250 bytes of the end call into the input layer each
    // time for nothing: a tenth of the parse of a feed entry.
    context->progressive = 1;
#endif
    htmlParseDocument(context);
    context->sax = NULL;
    context->userData = NULL;
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    htmlFreeParserCtxt(context);
}

/// Ignores a libxml2 error; installed while transcoding, so that a feed with
/// undefined bytes does not print "input conversion failed" for each of them.
static void fs_xml_ignore_error(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}

/// Transcodes `length` bytes from the character set `charset` into UTF-8,
/// never giving up on bad input: each
/// byte the character set does not define (0x98 in windows-1251), and a
/// sequence cut off at the end, becomes U+FFFD and is counted in `*replaced`.
/// libxml2's error messages are silenced meanwhile; the handler is per
/// thread and restored before returning. Returns a buffer to free with
/// `xmlBufferFree`, or NULL when libxml2 knows no such character set or
/// memory runs out.
static inline xmlBufferPtr fs_xml_transcode_to_utf8_lossy(const char *charset,
                                                          const char *bytes, int length,
                                                          int *replaced) {
    *replaced = 0;
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(charset);
    if (handler == NULL) return NULL;
    xmlStructuredErrorFunc savedHandler = xmlStructuredError;
    void *savedContext = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, fs_xml_ignore_error);
    // Spare bytes: libxml2 quotes four bytes of input in its error message.
    xmlBufferPtr input = xmlBufferCreateSize((size_t)length + 8);
    xmlBufferPtr output = xmlBufferCreateSize((size_t)length * 2 + 64);
    int failed = (input == NULL || output == NULL);
    if (!failed && xmlBufferAdd(input, (const xmlChar *)bytes, length) != 0) failed = 1;
    while (!failed && xmlBufferLength(input) > 0) {
        int before = xmlBufferLength(input);
        xmlCharEncInFunc(handler, output, input);
        if (xmlBufferLength(input) < before) continue;
        // No progress: the first byte is undefined or starts a truncated sequence.
        xmlBufferShrink(input, 1);
        if (xmlBufferAdd(output, (const xmlChar *)"\xEF\xBF\xBD", 3) != 0) failed = 1;
        *replaced += 1;
    }
    xmlCharEncCloseFunc(handler);
    xmlSetStructuredErrorFunc(savedContext, savedHandler);
    if (input != NULL) xmlBufferFree(input);
    if (failed) {
        if (output != NULL) xmlBufferFree(output);
        return NULL;
    }
    return output;
}

/// The bytes of a buffer made by `fs_xml_transcode_to_utf8_lossy`.
static inline const char *fs_xml_buffer_bytes(xmlBufferPtr buffer) {
    return (const char *)xmlBufferContent(buffer);
}

/// The Unicode scalar an HTML 4 named entity stands for (`nbsp` gives 160),
/// or 0 when the name is not one.
static inline unsigned int fs_html_entity_value(const char *name) {
    const htmlEntityDesc *entity = htmlEntityLookup((const xmlChar *)name);
    return entity == NULL ? 0 : entity->value;
}

/// A table of entities made by `fs_xml_add_predefined_entity`, which owns
/// them; free it with `fs_xml_free_entity_table`.
static inline xmlEntitiesTablePtr fs_xml_new_entity_table(void) {
    return xmlCreateEntitiesTable();
}

/// Makes an entity that libxml2 expands by pasting `content` as plain
/// characters, the way it treats `&amp;`: no tree, no recursion, no loading.
/// Used to give HTML named entities such as `&nbsp;` their meaning in feeds.
/// libxml2 builds it (`xmlNewEntity`, unattached to any document) and
/// `table` keeps it until freed. NULL when memory runs out.
static inline xmlEntityPtr fs_xml_add_predefined_entity(xmlEntitiesTablePtr table, const char *name,
                                                        const char *content) {
    xmlEntityPtr entity = xmlNewEntity(NULL, (const xmlChar *)name, XML_INTERNAL_PREDEFINED_ENTITY,
                                       NULL, NULL, (const xmlChar *)content);
    if (entity == NULL) return NULL;
    // Fails only when memory runs out (each name is added once); libxml2
    // offers no call to free a lone entity, so it is left, as a few bytes.
    if (xmlHashAddEntry((xmlHashTablePtr)table, (const xmlChar *)name, entity) != 0) return NULL;
    return entity;
}

/// Frees a table made by `fs_xml_new_entity_table` and its entities.
static inline void fs_xml_free_entity_table(xmlEntitiesTablePtr table) {
    if (table != NULL) xmlFreeEntitiesTable(table);
}

/// The line an error was found on, or 0.
static inline int fs_xml_error_line(xmlErrorPtr error) {
    return error == NULL ? 0 : error->line;
}

#endif
