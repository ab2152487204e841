#!/usr/bin/env bash
# Proves the plugins from a clean checkout: the example builds and runs; a second build with
# nothing changed leaves the generated files untouched; a property added to the spec appears in
# the next build; a broken spec fails the build with the located message; the command plugin
# writes the client into the target and --check finds it stale after an edit. Works on copies of
# the example inside the package (so their `path: "../.."` still names this package).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build-example-check"
rm -rf "$work"
mkdir -p "$work"
cp -R Examples/CustomersApp "$work/CustomersApp"
rm -rf "$work/CustomersApp/.build"
cd "$work/CustomersApp"
spec=Sources/CustomersSDK/customers.yaml
fail() { echo "check-plugin: FAILED: $*" >&2; exit 1; }

swift build 2>&1 | tail -3
out=$(.build/debug/CustomersApp)
echo "$out"
[[ "$out" == *"customer 1: Ahmed (male)"* ]] || fail "the example did not print the stub's customer"

generated=$(dirname "$(find .build/plugins -path '*SallaGenPlugin*' -name Client.swift | head -1)")
[[ -n "$generated" && -f "$generated/Models1.swift" ]] || fail "no generated files under .build/plugins"
before=$(stat -c '%Y %n' "$generated"/*.swift)
sleep 1
swift build 2>&1 | tail -1
after=$(stat -c '%Y %n' "$generated"/*.swift)
[[ "$before" == "$after" ]] || fail "a build with nothing changed rewrote generated files"
echo "check-plugin: an unchanged build left the generated files untouched"

# A new property of the Customer model, right after `properties:` of its schema.
line=$(grep -n '^    Customer:$' "$spec" | cut -d: -f1)
props=$(awk -v from="$line" 'NR > from && /^      properties:$/ { print NR; exit }' "$spec")
sed -i "${props}a\\        loyalty_tier:\\n          type: string\\n          description: The loyalty programme tier." "$spec"
swift build 2>&1 | tail -1
grep -q 'public let loyaltyTier: String?' "$generated"/Models*.swift || fail "the added property is not in the generated models"
echo "check-plugin: a property added to the spec appeared in the next build"

# A wrong type for a known key: the build fails with sallagen's located error, not compiler errors.
sed -i "0,/          description: The loyalty programme tier./s//          description: The loyalty programme tier.\\n          maxLength: lots/" "$spec"
if log=$(swift build 2>&1); then fail "a broken spec still built"; fi
echo "$log" | grep -E "customers.yaml:[0-9]+:[0-9]+: error: 'maxLength' must be a non-negative integer, found string 'lots'" \
    || { echo "$log" | tail -20; fail "the build did not fail with the located message"; }
echo "check-plugin: a broken spec failed the build with the located message"
# The command plugin, on a copy without the build plugin: it writes the client into the target,
# the package builds from those files, and --check fails once the spec changes.
cp -R "$root/Examples/CustomersApp" "$work/CommittedApp"
cd "$work/CommittedApp"
rm -rf .build
sed -i '/plugins: \[.plugin(name: "SallaGenPlugin"/d' Package.swift
swift package --allow-writing-to-package-directory generate-salla-client --target CustomersSDK 2>&1 | tail -1
[[ -f Sources/CustomersSDK/Generated/Client.swift ]] || fail "generate-salla-client wrote no client into the target"
swift build 2>&1 | tail -1
[[ "$(.build/debug/CustomersApp)" == *"customer 1: Ahmed (male)"* ]] || fail "the committed client does not run"
swift package --allow-writing-to-package-directory generate-salla-client --check 2>&1 | tail -1
sed -i 's/description: The customer model./description: The customer model, edited./' Sources/CustomersSDK/customers.yaml
if swift package --allow-writing-to-package-directory generate-salla-client --check > /dev/null 2>&1; then fail "--check passed on a stale client"; fi
echo "check-plugin: the command plugin writes the client into the target, and --check fails when it is stale"
echo "check-plugin: all 5 checks passed"
