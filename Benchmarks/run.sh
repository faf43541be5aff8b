#!/usr/bin/env bash
# Measures accord pack / validate / unpack against tar, gzip, sha512sum and the standard
# receiver check (tar + python bagit + xmllint) on a generated corpus, then how accord's
# peak memory grows with the number of records.
#
#   Benchmarks/run.sh            # 10,000 records, scaling at 1,000 and 30,000
#   Benchmarks/run.sh 50000      # another main size
#   RUNS=5 SCALE_SIZES="1000 100000" Benchmarks/run.sh
#   SCALE_SIZES= Benchmarks/run.sh   # skip the scaling runs
#
# Each command runs RUNS times (default 3) on the same files; the table gives the minimum
# wall time and the maximum peak RSS (GNU time's %M: the largest single process, a pipeline's
# largest member). Needs root or sudo the first time, to install the tools it lacks.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
records=${1:-${RECORDS:-10000}}
runs=${RUNS:-3}
scale_sizes=${SCALE_SIZES-"1000 30000"}
seed=${SEED:-2025}

# --- Tools ---------------------------------------------------------------------------
as_root=()
[[ $(id -u) -eq 0 ]] || as_root=(sudo)
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
for package in libxml2-dev zlib1g-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import bagit' 2>/dev/null || python3 -m pip install -q bagit

# --- Builds --------------------------------------------------------------------------
echo "== building accord (release) and generate-corpus" >&2
(cd "$root/cli" && swift build -c release --product accord >&2)
(cd "$here" && swift build -c release --product generate-corpus >&2)
accord="$root/cli/.build/release/accord"
generate="$here/.build/release/generate-corpus"
schema="$root/schemas/partnership-record-v1.xsd"

work=$(mktemp -d "${TMPDIR:-/tmp}/accord-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- Measuring -----------------------------------------------------------------------
# measure NAME SETUP COMMAND: runs SETUP (not timed) then COMMAND under /usr/bin/time, RUNS
# times; sets BEST (seconds, minimum) and PEAK (KiB, maximum) and records a table row.
declare -A best_of peak_of
order=()
measure() {
    local name=$1 setup=$2 command=$3 out="$work/time.out" best="" peak=0
    for ((run = 1; run <= runs; run++)); do
        bash -c "$setup"
        if ! /usr/bin/time -f "%e s %M KiB" -o "$out" bash -c "$command" >"$work/cmd.log" 2>&1; then
            echo "FAILED: $name" >&2
            tail -20 "$work/cmd.log" >&2
            exit 1
        fi
        read -r seconds _ kib _ <"$out"
        if [[ -z $best ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
        ((kib > peak)) && peak=$kib
    done
    BEST=$best PEAK=$peak
    best_of[$name]=$best peak_of[$name]=$peak
    order+=("$name")
    printf '  %-44s %8s s %9s KiB\n' "$name" "$best" "$peak" >&2
}

ratio() { awk -v a="${best_of[$1]}" -v b="${best_of[$2]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
megabytes() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }
load() { echo "   load: $(uptime | sed 's/.*load average: //')" >&2; }

pack_args="--sender XX-MOD --recipient YY-MOD=BLR --created 2025-07-30T00:00:00Z --force"

generate_corpus() { # generate_corpus COUNT DIR
    rm -rf "$2"
    "$generate" "$2" --count "$1" --seed "$seed" >&2
}

# --- The main size -------------------------------------------------------------------
corpus="$work/corpus/records"
generate_corpus "$records" "$corpus"
corpus_bytes=$(find "$corpus" -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
largest=$(find "$corpus" -name '*.xml' -printf '%s\n' | sort -n | tail -1)
parent=$(dirname "$corpus") name=$(basename "$corpus")
bundle="$work/b.tar.gz"

echo "== $records records, $(megabytes "$corpus_bytes") MB, largest record $largest bytes; $runs runs each" >&2
load
measure "accord pack (level 6)" "" "'$accord' pack '$corpus' -o '$bundle' $pack_args"
measure "tar czf" "" "tar czf '$work/t.tar.gz' -C '$parent' '$name'"
bundle_bytes=$(stat -c %s "$bundle") tar_bytes=$(stat -c %s "$work/t.tar.gz")
bag=$(tar tzf "$bundle" | sed -n '1s|/.*||p')

load
measure "accord validate b.tar.gz" "" "'$accord' validate '$bundle'"
measure "tar xzf" "rm -rf '$work/x' && mkdir '$work/x'" "tar xzf '$bundle' -C '$work/x'"
measure "receiver check (tar + bagit + xmllint)" "rm -rf '$work/r' && mkdir '$work/r'" \
    "tar xzf '$bundle' -C '$work/r' && python3 -m bagit --validate '$work/r/$bag' \
     && find '$work/r/$bag/data/records' -name '*.xml' -print0 | xargs -0 xmllint --noout --schema '$schema'"
measure "accord unpack" "rm -rf '$work/u'" "'$accord' unpack '$bundle' -o '$work/u'"
measure "accord convert --ndjson" "" "'$accord' convert '$bundle' --ndjson > /dev/null"

load
measure "gzip -dc > /dev/null (floor)" "" "gzip -dc '$bundle' > /dev/null"
measure "sha512sum records (floor)" "" "find '$work/x/$bag/data/records' -name '*.xml' -print0 | xargs -0 sha512sum > /dev/null"
measure "accord validate unpacked bag folder" "" "'$accord' validate '$work/x/$bag'"
measure "accord validate, GNU tar's order (held)" "rm -f '$work/g.tar.gz' && tar czf '$work/g.tar.gz' -C '$work/x' '$bag'" \
    "'$accord' validate '$work/g.tar.gz'"
measure "accord validate records only (no bag)" "" \
    "find '$corpus' -name '*.xml' -print0 | xargs -0 '$accord' validate > /dev/null"

echo
echo "Accord benchmark: $records records, corpus $(megabytes "$corpus_bytes") MB (largest record $largest B),"
echo "bundle $(megabytes "$bundle_bytes") MB (tar czf: $(megabytes "$tar_bytes") MB); min of $runs runs, max RSS; $(nproc) CPUs"
echo
printf '| %-44s | %9s | %12s |\n' "command" "wall (s)" "peak RSS MiB"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "--------------"
for name in "${order[@]}"; do
    printf '| %-44s | %9s | %12s |\n' "$name" "${best_of[$name]}" "$(awk -v k="${peak_of[$name]}" 'BEGIN { printf "%.1f", k / 1024 }')"
done
echo
echo "pack / tar czf:                     $(ratio "accord pack (level 6)" "tar czf")"
echo "validate / tar xzf:                 $(ratio "accord validate b.tar.gz" "tar xzf")"
echo "validate / receiver check:          $(ratio "accord validate b.tar.gz" "receiver check (tar + bagit + xmllint)")"
echo "unpack / tar xzf:                   $(ratio "accord unpack" "tar xzf")"

# --- Scaling of peak memory ----------------------------------------------------------
if [[ -n $scale_sizes ]]; then
    rows=("$records|${best_of["accord pack (level 6)"]}|${peak_of["accord pack (level 6)"]}|${best_of["accord validate b.tar.gz"]}|${peak_of["accord validate b.tar.gz"]}|${best_of["accord convert --ndjson"]}|${peak_of["accord convert --ndjson"]}|$corpus_bytes|$bundle_bytes")
    rm -rf "$work/corpus" "$work/x" "$work/r" "$work/u" "$work/t.tar.gz"
    for size in $scale_sizes; do
        echo "== scaling: $size records" >&2
        generate_corpus "$size" "$corpus"
        bytes=$(find "$corpus" -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
        load
        measure "accord pack ($size)" "" "'$accord' pack '$corpus' -o '$bundle' $pack_args"
        pack_s=$BEST pack_k=$PEAK
        measure "accord validate ($size)" "" "'$accord' validate '$bundle'"
        validate_s=$BEST validate_k=$PEAK
        measure "accord convert --ndjson ($size)" "" "'$accord' convert '$bundle' --ndjson > /dev/null"
        rows+=("$size|$pack_s|$pack_k|$validate_s|$validate_k|$BEST|$PEAK|$bytes|$(stat -c %s "$bundle")")
        rm -rf "$work/corpus"
    done
    echo
    echo "Peak memory as the bundle grows:"
    echo
    mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
    printf '| %8s | %10s | %10s | %8s | %8s | %10s | %10s | %9s | %9s |\n' records "corpus MB" "bundle MB" "pack s" "pack MiB" \
        "valid. s" "valid. MiB" "ndjson s" "ndjson MiB"
    printf '|%s|\n' "----------|------------|------------|----------|----------|------------|------------|-----------|-----------"
    while IFS= read -r row; do
        IFS='|' read -r n ps pk vs vk ns nk cb bb <<<"$row"
        printf '| %8s | %10s | %10s | %8s | %8s | %10s | %10s | %9s | %9s |\n' "$n" "$(megabytes "$cb")" "$(megabytes "$bb")" \
            "$ps" "$(mib "$pk")" "$vs" "$(mib "$vk")" "$ns" "$(mib "$nk")"
    done < <(printf '%s\n' "${rows[@]}" | sort -t'|' -k1,1n)
fi
