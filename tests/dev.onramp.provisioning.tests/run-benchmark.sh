#!/usr/bin/env bash
# Provisioning benchmark: latency to Connected for security 1 and 2 against simulated protocomm devices with no
# added delay (in process, through the CLI in process, and through a built product when its directory is given),
# then the throughput of 8 and 32 devices one after another versus on 4 and 8 threads. Prints a table; it is a
# program, not a timed test.
#   run-benchmark.sh [runs-per-row] [product-dir]
# `run-benchmark.sh --main NAME [args]` runs another benchmark of this bundle's bench package instead, for example
#   run-benchmark.sh --main FleetThroughputBenchmark [devices] [rounds] [onramp-command]
#   run-benchmark.sh --main StartupBenchmark [runs] [onramp-command]
#   run-benchmark.sh --main DiscoverBenchmark [runs] [timeout-seconds] [onramp-command]
# (BENCH_JAVA_OPTS adds JVM options to those, for example a flight recording.)
# e.g. run-benchmark.sh 30 releng/dev.onramp.product/target/products/dev.onramp.product/linux/gtk/x86_64
#
# It runs outside OSGi on a plain class path made of the reactor's compiled classes and the jars they need, at the
# versions pinned in releng/dev.onramp.target/onramp.target, from the local Maven repository. Build first:
#   source releng/scripts/env.sh && onramp_select_jdk && onramp_select_maven
#   $ONRAMP_MVN -B verify -Donramp.ui.tests.skip=true -pl tests/dev.onramp.provisioning.tests -am
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=/dev/null
source "$root/releng/scripts/env.sh"
onramp_select_jdk
jar() { onramp_pinned_jar "$@" || exit 1; }
cp=$(onramp_classes "$root/bundles/dev.onramp.core" "$root/bundles/dev.onramp.provisioning" \
	"$root/bundles/dev.onramp.simulator" "$root/bundles/dev.onramp.headless" "$here") || exit 1
cp="$cp:$(jar com/google/protobuf protobuf-java)"
cp="$cp:$(jar com/google/code/gson gson)"
cp="$cp:$(jar org/bouncycastle bcprov-jdk18on)"
cp="$cp:$(jar org/osgi org.osgi.service.component)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.equinox.common)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.osgi)"
# DiscoverBenchmark's simulated board announces itself with JmDNS, which logs through slf4j
cp="$cp:$(jar org/jmdns jmdns):$(jar org/slf4j slf4j-api):$(jar org/slf4j slf4j-simple)"
if [ "${1:-}" = --main ] && [ $# -ge 2 ]; then
	main="dev.onramp.provisioning.tests.bench.$2"
	shift 2
	exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -cp "$cp" "$main" "$@"
fi
product=()
if [ $# -ge 2 ]; then
	product=("$(cd "$2" && pwd)")
fi
exec "$JAVA_HOME/bin/java" -cp "$cp" dev.onramp.provisioning.tests.bench.ProvisioningBenchmark "${1:-30}" "${product[@]}"
