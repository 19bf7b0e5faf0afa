#!/usr/bin/env bash
# Fleet load benchmark: 200 simulated devices with 10% seeded faults through the built product (`./onramp fleet`,
# a child process), then --resume over the put-right manifest. Prints FIGURE lines: wall time, rows per second and
# the product's peak resident memory (VmHWM) of each run. Loopback only. Arguments: [devices] [parallel].
#
# It runs outside OSGi on a plain class path made of the reactor's compiled classes and the jars the simulators
# need, at the versions pinned in releng/dev.onramp.target/onramp.target, from the local Maven repository. Build
# first (the product, and these tests' classes):
#   source releng/scripts/env.sh && onramp_select_jdk && onramp_select_maven
#   $ONRAMP_MVN -B verify -DskipTests -pl releng/dev.onramp.product,tests/dev.onramp.headless.tests -am
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=/dev/null
source "$root/releng/scripts/env.sh"
onramp_select_jdk
jar() { onramp_pinned_jar "$@" || exit 1; }
cp=$(onramp_classes "$root/bundles/dev.onramp.core" "$root/bundles/dev.onramp.simulator" "$here") || exit 1
cp="$cp:$(jar org/eclipse/platform org.eclipse.equinox.common)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.osgi)"
cp="$cp:$(jar com/google/code/gson gson)"
cp="$cp:$(jar com/google/protobuf protobuf-java)"
cp="$cp:$(jar org/jmdns jmdns)"
cp="$cp:$(jar org/slf4j slf4j-api)"
exec "$JAVA_HOME/bin/java" -cp "$cp" dev.onramp.headless.tests.bench.FleetLoadBenchmark "$root" "$@"
