#!/usr/bin/env bash
# Times mDNS on loopback only: a simulated board's announcement -> listed in the device registry (goal <= 1 s),
# and .local resolution, over N boards (default 10); prints median and p90.
# Needs multicast on lo: run as root (the test turns it on with 'ip link set lo multicast on') or turn it on first.
set -euo pipefail
runs="${1:-10}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=/dev/null
source releng/scripts/env.sh
onramp_select_jdk
onramp_select_maven
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$ONRAMP_MVN" -B verify -Donramp.ui.tests.skip=true -pl tests/dev.onramp.discovery.tests -am \
	-Donramp.benchmark.runs="$runs" -Dtest=DiscoveryBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
	>"$log" 2>&1; then
	tail -n 60 "$log"
	exit 1
fi
# the table (BENCH lines), then one FIGURE line per figure for the benchmark command
if ! grep '^BENCH ' "$log" | sed 's/^BENCH //'; then
	grep -E 'Tests run|Skipped|skipped' "$log" | tail -n 5
	echo "The benchmark did not run (is multicast on lo available?)." >&2
	exit 1
fi
grep '^FIGURE ' "$log" || true
