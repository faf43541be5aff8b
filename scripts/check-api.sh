#!/usr/bin/env bash
# Checks the library's public API against the committed baseline, api/Accord.api: every
# declaration there (name, type, conformances, exact signature) must still exist. A removed
# or changed one is a break and fails; an added one is reported, and the baseline is
# updated deliberately with `scripts/check-api.sh --update` (commit the result).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --target Accord >/dev/null
bin=$(swift build --show-bin-path)
dump=$(mktemp)
trap 'rm -f "$dump" "$dump.api"' EXIT
swift-api-digester -dump-sdk -module Accord -o "$dump" -abort-on-module-fail \
    -I "$bin/Modules" -I Sources/CLibXML2 -I Sources/CZlib -I Sources/CPlatform/include \
    -Xcc "-fmodule-map-file=$bin/CPlatform.build/module.modulemap" -Xcc -I/usr/include/libxml2
python3 scripts/api-signatures.py "$dump" >"$dump.api"

if [[ ${1:-} == --update ]]; then
    cp "$dump.api" api/Accord.api
    echo "check-api: api/Accord.api updated ($(wc -l <api/Accord.api) declarations)"
    exit 0
fi
removed=$(comm -23 <(sort api/Accord.api) <(sort "$dump.api") || true)
added=$(comm -13 <(sort api/Accord.api) <(sort "$dump.api") || true)
if [[ -n $added ]]; then
    echo "check-api: added to the public API (run scripts/check-api.sh --update to accept):"
    sed 's/  @.*//; s/^/  + /' <<<"$added"
fi
if [[ -n $removed ]]; then
    echo "check-api: the public API broke; removed or changed since api/Accord.api:" >&2
    sed 's/  @.*//; s/^/  - /' <<<"$removed" >&2
    exit 1
fi
echo "check-api: the public API keeps every declaration of api/Accord.api ($(wc -l <api/Accord.api))"
