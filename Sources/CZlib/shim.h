#ifndef ACCORD_CZLIB_SHIM_H
#define ACCORD_CZLIB_SHIM_H

#include <zlib.h>

// deflateInit2/inflateInit2 are macros; these wrappers make them callable from Swift.
static inline int accord_deflate_init2(z_streamp stream, int level, int windowBits, int memLevel, int strategy) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, strategy);
}

static inline int accord_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
