#!/usr/bin/env bash
# Fleet throughput (devices/second) for 8 and 32 simulated ESP-IDF security 2 devices with --parallel 1, 4 and 8,
# and the wall time of `onramp demo` (in-process, through the DS-wired command runner). Loopback only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=/dev/null
source releng/scripts/env.sh
onramp_select_jdk
onramp_select_maven
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! "$ONRAMP_MVN" -B verify -Donramp.ui.tests.skip=true \
	-pl bundles/dev.onramp.serial,bundles/dev.onramp.certs,bundles/dev.onramp.discovery,bundles/dev.onramp.simulator,bundles/dev.onramp.provisioning,tests/dev.onramp.headless.tests -am \
	-Donramp.fleet.benchmark=true -Dtest=FleetBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
	"$@" >"$log" 2>&1; then
	tail -n 60 "$log"
	exit 1
fi
# the table (BENCH lines), then one FIGURE line per figure for the benchmark command
if ! grep '^BENCH ' "$log" | sed 's/^BENCH //'; then
	grep -E 'Tests run|Skipped|skipped' "$log" | tail -n 5
	echo "The benchmark did not run." >&2
	exit 1
fi
grep '^FIGURE ' "$log" || true
