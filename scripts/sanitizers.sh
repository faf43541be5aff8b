#!/usr/bin/env bash
# The library's suite under AddressSanitizer, and its concurrent paths under
# ThreadSanitizer (the record validation pool, concurrent validations, the async forms and
# the library used from many tasks), each in a build folder of its own.
#
# Leak detection is off for the suite: the XCTest harness itself leaks a few hundred bytes
# at exit, which would fail every run; leaks in Accord's parsers are looked for by the fuzz
# targets (scripts/fuzz.sh), where LeakSanitizer runs on every input.
# The command-line tool's tests run the `accord` binary and are not part of this run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== the library's suite under AddressSanitizer"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 swift test --sanitize=address --scratch-path .build-asan

echo "== the concurrent paths under ThreadSanitizer"
TSAN_OPTIONS=halt_on_error=1 swift test --sanitize=thread --scratch-path .build-tsan \
    --filter 'ConcurrentValidation|AsyncBundleTests|BundleReaderTests|BundleSourceTests|UnrecordedStreamTests|PackOutputTests|TwoPass'
