#!/usr/bin/env bash
# Builds the library's DocC documentation (the catalog Sources/Accord/Accord.docc and the doc
# comments) with warnings as errors, so that an unresolved symbol link or a broken article
# fails; then lists every public symbol declared in Sources/Accord without a doc comment of
# its own, and fails if there is one. Extra arguments go to the plugin (see
# `ACCORD_DOCS=1 swift package plugin generate-documentation --help`).
#
# swift-docc-plugin is a dependency of the package only when ACCORD_DOCS is set (see
# Package.swift): a host's build compiles every plugin in the graph.
set -euo pipefail
cd "$(dirname "$0")/.."

export ACCORD_DOCS=1
# --disable-sandbox: the plugin runs docc, which writes in .build/plugins.
swift package --disable-sandbox generate-documentation --target Accord --warnings-as-errors \
    --experimental-documentation-coverage --coverage-summary-level brief "$@"

archive=.build/plugins/Swift-DocC/outputs/Accord.doccarchive
# The symbol graph the plugin extracted (the newest, should there be several).
graph=$(find .build -path '*extracted-symbols*' -name 'Accord.symbols.json' -printf '%T@ %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
if [[ -z $graph ]]; then
    echo "build-docs: the plugin left no symbol graph for Accord" >&2
    exit 1
fi

# docc's coverage table counts what the compiler synthesizes (Equatable's !=, Codable's
# init(from:), rawValue, ...), which has no source to document. This counts the symbols
# declared in Sources/Accord: documented when the comment is Accord's own, not one inherited
# from a protocol of the standard library.
python3 - "$graph" "$(dirname "$graph")/Accord@Swift.symbols.json" <<'EOF'
import json, os, sys
declared, missing = 0, []
for path in sys.argv[1:]:
    if not os.path.exists(path):
        continue
    for symbol in json.load(open(path))["symbols"]:
        location = symbol.get("location")
        if not location or "/Sources/Accord/" not in location["uri"]:
            continue
        declared += 1
        comment = symbol.get("docComment")
        if not comment or comment.get("module") not in (None, "Accord"):
            where = location["uri"].split("/Sources/Accord/")[1]
            missing.append(f"  {where}:{location['position']['line'] + 1}: {'.'.join(symbol['pathComponents'])}")
print(f"build-docs: {declared - len(missing)} of {declared} public symbols declared in Sources/Accord have a doc comment")
if missing:
    print("build-docs: without a doc comment:", *sorted(missing), sep="\n", file=sys.stderr)
    sys.exit(1)
EOF

echo "build-docs: the documentation is in $archive (coverage in $archive/documentation-coverage.json)"
echo "build-docs: to read it, python3 -m http.server -d $archive and open http://localhost:8000/documentation/accord"
