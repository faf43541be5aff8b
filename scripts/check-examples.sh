#!/usr/bin/env bash
# The example packages, each a separate SwiftPM package that depends on Accord by path and
# uses its public API alone: examples/embedding is the README's "Using the library" code,
# built and run; examples/upload-service is the reference HTTP host, built and tested.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== examples/embedding: the README's code, built and run"
swift run --package-path examples/embedding embedding
# The README quotes main.swift between its markers; they must agree.
python3 scripts/check-readme-code.py

if [[ -d examples/upload-service ]]; then
    echo "== examples/upload-service: built and tested"
    swift test --package-path examples/upload-service
fi
