#!/usr/bin/env bash
# Upload benchmark, on the simulated pyDirect board behind a 115200-baud line: the re-provision write (certificate
# chain + key: mkdir, files, checks, renames) and upload time against size (1-64 KB), Onramp against mpremote's
# method in the same run. Prints a table and FIGURE lines, and writes a CSV (default target/upload-benchmark.csv,
# or --csv FILE). It is a program, not a timed test; it takes about five minutes (`--install-only`: only the
# re-provision write, about a minute).
# `run-benchmark.sh serve` instead serves a simulated pyDirect device on socket://127.0.0.1:PORT (printed) until
# standard input closes, for trying `./onramp info --port socket://127.0.0.1:PORT` by hand.
#
# It runs outside OSGi on a plain class path made of the reactor's compiled classes, the two Eclipse jars the
# core API needs (equinox.common for IProgressMonitor/IStatus, org.eclipse.osgi for NLS) and Gson, at the versions pinned in
# releng/dev.onramp.target/onramp.target, from the local Maven repository. Build first:
#   source releng/scripts/env.sh && onramp_select_jdk && onramp_select_maven
#   $ONRAMP_MVN -B verify -Donramp.ui.tests.skip=true -pl tests/dev.onramp.simulator.tests -am
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=/dev/null
source "$root/releng/scripts/env.sh"
onramp_select_jdk
jar() { onramp_pinned_jar "$@" || exit 1; }
cp=$(onramp_classes "$root/bundles/dev.onramp.core" "$root/bundles/dev.onramp.serial" \
	"$root/bundles/dev.onramp.simulator" "$here") || exit 1
cp="$cp:$(jar org/eclipse/platform org.eclipse.equinox.common)"
cp="$cp:$(jar org/eclipse/platform org.eclipse.osgi)"
cp="$cp:$(jar com/google/code/gson gson)" # the simulated pyDirect board's settings files
main=dev.onramp.simulator.tests.bench.UploadBenchmark
if [ "${1:-}" = serve ]; then
	main=dev.onramp.simulator.tests.bench.ServeSimulator
	shift
fi
if [ "$main" = dev.onramp.simulator.tests.bench.UploadBenchmark ] && [ $# -eq 0 ]; then
	set -- --csv "$here/target/upload-benchmark.csv"
fi
exec "$JAVA_HOME/bin/java" -cp "$cp" "$main" "$@"
