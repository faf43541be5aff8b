#!/usr/bin/env python3
"""Generate Swift ISO code lists (ISO 3166-1 alpha-3, ISO 4217) from pycountry.

Usage: python3 scripts/generate-code-lists.py   (requires `pip install pycountry`)

Writes:
  Sources/Accord/Rules/CodeLists/CountryCodes.swift
  Sources/Accord/Rules/CodeLists/CurrencyCodes.swift
"""

import importlib.metadata
import os
import sys

import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "Sources", "Accord", "Rules", "CodeLists")


def swift_string(value):
    """Return `value` as a Swift double-quoted string literal."""
    out = []
    for ch in value:
        cp = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif cp < 0x20 or cp == 0x7F or 0x80 <= cp < 0xA0 or cp in (0x2028, 0x2029):
            out.append("\\u{%X}" % cp)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render(enum_name, header, enum_doc, names_doc, mapping):
    lines = [
        header,
        "/// " + enum_doc,
        "enum %s {" % enum_name,
        "    /// " + names_doc,
        "    static let names: [String: String] = [",
    ]
    for code in sorted(mapping):
        lines.append("        %s: %s," % (swift_string(code), swift_string(mapping[code])))
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(filename, text):
    path = os.path.join(OUT_DIR, filename)
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % os.path.relpath(path, ROOT))


def main():
    version = importlib.metadata.version("pycountry")
    regen = "Regenerate with scripts/generate-code-lists.py."

    countries = {}
    for c in pycountry.countries:
        if c.alpha_3 in countries:
            sys.exit("duplicate alpha-3 code %s" % c.alpha_3)
        countries[c.alpha_3] = c.name

    currencies = {}
    for c in pycountry.currencies:
        if c.alpha_3 in currencies:
            sys.exit("duplicate currency code %s" % c.alpha_3)
        currencies[c.alpha_3] = c.name

    write("CountryCodes.swift", render(
        "CountryCodes",
        "// Generated from pycountry %s (ISO 3166-1). %s" % (version, regen),
        "ISO 3166-1 alpha-3 country codes and their short English names.",
        "Every officially assigned ISO 3166-1 alpha-3 code, mapped to its English short name.",
        countries,
    ))
    write("CurrencyCodes.swift", render(
        "CurrencyCodes",
        "// Generated from pycountry %s (ISO 4217). %s" % (version, regen),
        "ISO 4217 alphabetic currency codes and their English names.",
        "Every ISO 4217 alphabetic currency code, mapped to its English name.",
        currencies,
    ))


if __name__ == "__main__":
    main()
