#!/usr/bin/env bash
# Upload benchmark: Onramp's base64 raw-paste upload against mpremote's repr(bytes) chunks, on the simulated
# MicroPython device throttled to 115200 baud. Prints a table; it is a program, not a timed test.
# `run-benchmark.sh serve` instead serves a simulated pyDirect device on socket://127.0.0.1:PORT (printed) until
# standard input closes, for trying `./onramp info --port socket://127.0.0.1:PORT` by hand.
#
# It runs outside OSGi on a plain class path made of the reactor's compiled classes and the two Eclipse jars the
# core API needs (equinox.common for IProgressMonitor/IStatus, org.eclipse.osgi for NLS), at the versions pinned in
# releng/dev.onramp.target/onramp.target, from the local Maven repository. Build first:
#   source releng/scripts/env.sh && onramp_select_jdk && onramp_select_maven
#   $ONRAMP_MVN -B verify -Donramp.ui.tests.skip=true -pl tests/dev.onramp.simulator.tests -am
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
cp="$root/bundles/dev.onramp.core/target/classes"
cp="$cp:$root/bundles/dev.onramp.serial/target/classes"
cp="$cp:$root/bundles/dev.onramp.simulator/target/classes"
cp="$cp:$here/target/classes"
cp="$cp:$(jar org/eclipse/platform org.eclipse.equinox.common)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.osgi)"
for dir in "$root/bundles/dev.onramp.core/target/classes" "$here/target/classes"; do
	[ -d "$dir" ] || { echo "missing $dir: run the Maven build first" >&2; exit 1; }
done
main=dev.onramp.simulator.tests.bench.UploadBenchmark
if [ "${1:-}" = serve ]; then
	main=dev.onramp.simulator.tests.bench.ServeSimulator
	shift
fi
exec "$JAVA_HOME/bin/java" -cp "$cp" "$main" "$@"
