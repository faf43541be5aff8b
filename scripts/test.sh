#!/usr/bin/env bash
# The whole test suite, as CI runs it: the library's package (the repository's root), the
# command-line tool's (cli/), and the example packages that must keep compiling against
# the public API alone (examples/embedding, examples/upload-service).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== the library (swift test)"
swift test
echo "== the library builds alone: no swift-argument-parser, no plugin"
scripts/check-library-alone.sh
echo "== the public API keeps every declaration of api/Accord.api"
scripts/check-api.sh
echo "== the command-line tool (swift test --package-path cli)"
swift test --package-path cli
echo "== the examples that embed the library"
scripts/check-examples.sh
# Fuzzing (Fuzz/, issue 14): each target a short while under ASan and LSan; any crash, leak or
# timeout fails. A clean sanitized build takes minutes, so a developer's run skips it.
if [[ ${CI:-} == true || ${ACCORD_FUZZ:-} == 1 ]]; then
    echo "== every fuzz target for ${ACCORD_FUZZ_SECONDS:-20} s, no crash, leak or timeout (scripts/fuzz.sh)"
    scripts/fuzz.sh all "${ACCORD_FUZZ_SECONDS:-20}"
else
    echo "== fuzzing skipped (CI=true or ACCORD_FUZZ=1 runs scripts/fuzz.sh all ${ACCORD_FUZZ_SECONDS:-20})"
fi
echo "== the documentation builds without a warning, every public symbol documented"
scripts/build-docs.sh
if [[ ${CI:-} == true || -n ${ACCORD_SANITIZERS:-} ]]; then
    echo "== the library under AddressSanitizer, its concurrent paths under ThreadSanitizer"
    scripts/sanitizers.sh
else
    echo "== sanitizers skipped (they run on CI; ACCORD_SANITIZERS=1 runs them here)"
fi
