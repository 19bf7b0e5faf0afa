#!/usr/bin/env bash
# Provisioning benchmark: latency to Connected for security 1 and 2 against simulated protocomm devices with no
# added delay (in process, through the CLI in process, and through a built product when its directory is given),
# then the throughput of 8 and 32 devices one after another versus on 4 and 8 threads. Prints a table; it is a
# program, not a timed test.
#   run-benchmark.sh [runs-per-row] [product-dir]
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
m2=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
target="$root/releng/dev.onramp.target/onramp.target"
pinned() { # artifactId -> version pinned in the target platform
	sed -n "s|.*<artifactId>$1</artifactId><version>\([^<]*\)</version>.*|\1|p" "$target" | head -1
}
jar() { # groupPath artifactId
	local version
	version=$(pinned "$2")
	local file="$m2/$1/$2/$version/$2-$version.jar"
	[ -f "$file" ] || { echo "missing $file: run the Maven build first" >&2; exit 1; }
	printf '%s' "$file"
}
cp=""
for bundle in dev.onramp.core dev.onramp.provisioning dev.onramp.simulator dev.onramp.headless; do
	dir="$root/bundles/$bundle/target/classes"
	[ -d "$dir" ] || { echo "missing $dir: run the Maven build first" >&2; exit 1; }
	cp="$cp$dir:"
done
[ -d "$here/target/classes" ] || { echo "missing $here/target/classes: run the Maven build first" >&2; exit 1; }
cp="$cp$here/target/classes"
cp="$cp:$(jar com/google/protobuf protobuf-java)"
cp="$cp:$(jar com/google/code/gson gson)"
cp="$cp:$(jar org/bouncycastle bcprov-jdk18on)"
cp="$cp:$(jar org/osgi org.osgi.service.component)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.equinox.common)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.osgi)"
product=()
if [ $# -ge 2 ]; then
	product=("$(cd "$2" && pwd)")
fi
exec "$JAVA_HOME/bin/java" -cp "$cp" dev.onramp.provisioning.tests.bench.ProvisioningBenchmark "${1:-30}" "${product[@]}"
