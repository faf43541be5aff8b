#!/usr/bin/env python3
"""Turns swift-api-digester's dump of the Accord module (JSON) into one line per public
declaration: its kind, its full name, its type, and for a type its conformances. The lines of
the committed baseline (api/Accord.api) must all still be there: a missing or changed line
is a break of the public API (scripts/check-api.sh)."""
import json
import sys


def type_text(node):
    """A type as the dump prints it, with its generic arguments."""
    return node.get("printedName", "")


def lines(node, path):
    out = []
    for child in node.get("children", []):
        kind = child.get("kind")
        if kind in ("Import", "TypeNominal", "TypeFunc", "TypeNameAlias", "Conformance"):
            continue
        # SPI (the fuzz targets' entry points) is not public API.
        if child.get("spi_group_names"):
            continue
        name = child.get("printedName", "")
        declared = child.get("declKind", kind)
        full = ".".join(path + [name])
        types = [type_text(c) for c in child.get("children", []) if c.get("kind", "").startswith("Type")]
        conformances = sorted(c.get("printedName", "") for c in child.get("conformances", []))
        flags = []
        if child.get("static"):
            flags.append("static")
        if child.get("throwing"):
            flags.append("throws")
        text = f"{declared} {full}"
        if types:
            text += " : " + " | ".join(types)
        if flags:
            text += " [" + " ".join(flags) + "]"
        if conformances:
            text += " conforms " + ", ".join(conformances)
        # The USR pins the exact signature (async, typed throws, generics) that the
        # readable part leaves out.
        if child.get("usr"):
            text += "  @" + child["usr"]
        out.append(text)
        if declared in ("Struct", "Enum", "Class", "Protocol", "Extension") or child.get("children"):
            nested = path + [name] if declared != "Extension" else path + [name]
            out += lines(child, nested) if declared in ("Struct", "Enum", "Class", "Protocol", "Extension") else []
    return out


dump = json.load(open(sys.argv[1]))
result = sorted(set(lines(dump["ABIRoot"], [])))
print("\n".join(result))
