#!/usr/bin/env bash
# The library builds alone: its package depends on swift-crypto only, so a host pulls in
# neither swift-argument-parser (the command-line tool's, in cli/) nor any plugin.
set -euo pipefail
cd "$(dirname "$0")/.."

# Plugins are compiled into .build/plugins; start without any, to see whether one is built.
rm -rf .build/plugins
swift build --target Accord
dependencies=$(swift package show-dependencies --format flatlist)
echo "$dependencies"
if grep -qi 'argument-parser' <<<"$dependencies"; then
    echo "check-library-alone: the library's package depends on swift-argument-parser" >&2
    exit 1
fi
if [[ -z ${ACCORD_DOCS:-} ]] && grep -qi 'docc-plugin' <<<"$dependencies"; then
    echo "check-library-alone: swift-docc-plugin is a dependency without ACCORD_DOCS" >&2
    exit 1
fi
if compgen -G ".build/plugins/cache/*" >/dev/null; then
    echo "check-library-alone: building the library built a plugin:" >&2
    ls .build/plugins/cache >&2
    exit 1
fi
echo "check-library-alone: the library builds alone, on swift-crypto only"
