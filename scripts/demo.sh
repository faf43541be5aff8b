#!/usr/bin/env bash
# Sets up a fresh Debian machine with Swift (the libraries Accord builds on, and the standard
# tools the test suite compares it with), builds accord, and runs the main job on the shipped
# examples. Safe to run again: what is installed is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libxml2-dev zlib1g-dev libxml2-utils tar gzip openssl coreutils python3 python3-pip)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    as_root=()
    [[ $(id -u) -eq 0 ]] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Python's bagit and jsonschema, which the tests (scripts/test.sh) use to check bags and JSON.
if ! python3 -c "import bagit, jsonschema, referencing" 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check bagit jsonschema referencing 2>/dev/null \
        || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages bagit jsonschema referencing
fi

swift build -c release --package-path cli --product accord
accord=cli/.build/release/accord

echo "== accord validate examples/*.xml"
"$accord" validate examples/*.xml

echo "== the same verdict from xmllint, on the same schema files"
xmllint --noout --schema schemas/partnership-record-v1.xsd examples/*.xml

echo "== a record with mistakes: every problem, with its line and code (exit status 1 expected)"
status=0
"$accord" validate examples/invalid/dates-out-of-order.xml examples/invalid/unknown-party-reference.xml || status=$?
[[ $status -eq 1 ]] || { echo "expected exit status 1, got $status" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bundle="$work/ID-MOD-20250730T000000Z.tar.gz"

echo "== accord keygen: a signing key for the sender; its public half goes to the partner's trust folder"
mkdir -p "$work/partner-trust"
"$accord" keygen --out "$work/id-mod"
cp "$work/id-mod.pub" "$work/partner-trust/"

echo "== release control: the restricted Nordic-Baltic record may not go to Belarus; nothing is written (exit status 1 expected)"
status=0
"$accord" pack examples/*.xml -o "$bundle" --sender ID-MOD --recipient BY-MOD --partners examples/partners.toml \
    --created 2025-07-30T00:00:00Z || status=$?
[[ $status -eq 1 && ! -e "$bundle" ]] || { echo "expected exit status 1 and no bundle, got $status" >&2; exit 1; }

echo "== accord pack: the examples (and the attachment one names) for Finland, whose state the partners file gives, signed, reproducibly"
"$accord" pack examples/*.xml -o "$bundle" --sender ID-MOD --recipient FI-MOD --partners examples/partners.toml \
    --created 2025-07-30T00:00:00Z --sign "$work/id-mod.key"

echo "== accord validate: the bundle in one streaming pass, its signature against the trust folder"
"$accord" validate "$bundle" --trust "$work/partner-trust" --require-signature

echo "== accord inspect: what is inside, without unpacking"
"$accord" inspect "$bundle" --trust "$work/partner-trust"

echo "== accord convert: the bundle to JSON (one record per line), and a record to JSON and back"
"$accord" convert "$bundle" --ndjson | cut -c 1-120
"$accord" convert examples/indonesia-belarus-2025.xml -o "$work/record.json"
"$accord" convert "$work/record.json" --to xml | cmp - <("$accord" convert examples/indonesia-belarus-2025.xml --to xml) \
    && echo "XML -> JSON -> XML: identical canonical XML"

echo "== accord unpack: extracted only because it is valid"
"$accord" unpack "$bundle" -o "$work/inbox"
(cd "$work/inbox" && find . -type f | sort)
