#ifndef ACCORD_CLIBXML2_SHIM_H
#define ACCORD_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and <libxml/encoding.h> then includes ICU's headers,
// whose UErrorCode clashes with the copy inside Foundation ("'UErrorCode' has different
// definitions in different modules"), flakily, in any module that sees both. Accord never
// touches the ICU converter fields this hides (only pointers to the handler struct pass
// through it), so the clang module is built without them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>

// libxml2 exposes the thread-local structured error handler only through macros,
// which Swift cannot import. These getters let Swift save and restore it.
static inline xmlStructuredErrorFunc accord_xml_structured_error(void) {
    return xmlStructuredError;
}

static inline void *accord_xml_structured_error_context(void) {
    return xmlStructuredErrorContext;
}

// xmlFree is a global function-pointer variable, which Swift 6 treats as shared mutable state.
static inline void accord_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
