#!/usr/bin/env bash
# Fuzzes Accord's parsers of untrusted bytes with libFuzzer (the package in Fuzz/):
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]
#
# TARGET is one of the names below (with or without "fuzz-"), or all (the default); each
# target runs SECONDS (default 60) under AddressSanitizer and LeakSanitizer. The seeds are
# generated afresh from examples/ into a scratch corpus; whatever libFuzzer finds goes to
# Fuzz/.build/fuzz/findings/TARGET/. Exits 1 if any target crashed, leaked or timed out,
# naming the reproducer; 2 on a usage or build error. See Fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

targets=(record-xml record-json envelope signature tar gzip bagit bundle)
target=${1:-all}
seconds=${2:-60}
target=${target#fuzz-}
if [[ $target == all ]]; then
    selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $target "* ]]; then
    selected=("$target")
else
    echo "usage: scripts/fuzz.sh [all|$(IFS="|"; echo "${targets[*]}")] [SECONDS]" >&2
    exit 2
fi
if ! [[ $seconds =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz.sh: SECONDS must be a positive whole number, not '$seconds'" >&2
    exit 2
fi

# A crash in Swift code must reach libFuzzer's handler at once, not wait for a backtrace.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}

# --sanitize=fuzzer alone links libFuzzer but does not instrument Swift code for coverage on
# this toolchain (and -Xswiftc -sanitize=fuzzer does not work): the coverage libFuzzer needs
# is asked for explicitly (inline 8-bit counters and a PC table; "edge" alone would give
# trace-pc-guard, which libFuzzer no longer supports), with comparison tracing.
build=(swift build --package-path Fuzz --sanitize=fuzzer --sanitize=address
       -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
started=$SECONDS
echo "== fuzz: building (sanitize=fuzzer,address)"
# ld.gold warns once per ASan symbol it cannot export: nothing to act on, so hidden.
quiet() { grep -v 'ld.gold: warning: Cannot export local symbol' || true; }
if [[ ${#selected[@]} -gt 1 ]]; then
    "${build[@]}" 2>&1 | quiet || { echo "fuzz.sh: the build failed" >&2; exit 2; }
else
    for product in fuzz-seeds "fuzz-${selected[0]}"; do
        "${build[@]}" --product "$product" 2>&1 | quiet || { echo "fuzz.sh: the build failed" >&2; exit 2; }
    done
fi
bin=$("${build[@]}" --show-bin-path)
echo "== fuzz: built in $((SECONDS - started)) s"

# Each run starts from fresh seeds; only the folders of the targets it runs are replaced, so
# runs of different targets at once do not disturb each other.
work=$root/Fuzz/.build/fuzz
mkdir -p "$work/corpus" "$work/findings" "$work/logs"
seeds=$(mktemp -d "$work/seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
ACCORD_FUZZ_EXAMPLES=$root/examples ACCORD_FUZZ_SEEDS=$seeds "$bin/fuzz-seeds" -runs=0 >/dev/null
echo "== fuzz: seeds generated from examples/"

failed=()
summary=()
for name in "${selected[@]}"; do
    corpus=$work/corpus/$name
    findings=$work/findings/$name
    log=$work/logs/$name.log
    rm -rf "$corpus" "$findings"
    mkdir -p "$corpus" "$findings"
    cp "$seeds/$name"/* "$corpus/"
    echo "== fuzz: $name for $seconds s (log: $log)"
    status=0
    "$bin/fuzz-$name" "$corpus" \
        -dict="$root/Fuzz/dictionaries/$name.dict" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
    coverage=$( (grep -E '^#[0-9]+.*cov: ' "$log" || true) | tail -1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/\1/')
    line="$name: ${executions:-?} executions, ${coverage:-no coverage reported}"
    artifacts=$(find "$findings" -type f | sort || true)
    if [[ $status -ne 0 || -n $artifacts ]]; then
        line+=", FAILED (exit $status)"
        failed+=("$name")
        grep -E '(^==[0-9]+==ERROR|^SUMMARY:|Fatal error|Test unit written to)' "$log" | head -5 | sed 's/^/   /' >&2 || true
        for artifact in $artifacts; do
            echo "   reproducer: $artifact" >&2
            echo "   replay:     $bin/fuzz-$name $artifact" >&2
            echo "   minimise:   $bin/fuzz-$name -minimize_crash=1 -runs=100000 -artifact_prefix=$findings/min- $artifact" >&2
        done
    fi
    echo "   $line"
    summary+=("$line")
done

echo "== fuzz: summary (${seconds} s per target, $((SECONDS - started)) s with the build)"
printf '   %s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz.sh: findings in ${failed[*]}: see $work/findings/" >&2
    exit 1
fi
