# shellcheck shell=bash
# Selects the tools the Onramp build needs, installing what is missing into .tools/ of the checkout:
#   JAVA_HOME  a JDK 21 or newer (current Eclipse bundles need it)
#   ONRAMP_MVN Maven 3.9.x (Tycho 5 needs it), fetched through the machine's own mvn and its configured repository
# Sourced by ./onramp and ./test, which call onramp_select_jdk and onramp_select_maven; messages go to stderr.

ONRAMP_ROOT=${ONRAMP_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
ONRAMP_TOOLS="$ONRAMP_ROOT/.tools"
ONRAMP_MAVEN_VERSION=3.9.11

onramp_log() { printf 'onramp: %s\n' "$*" >&2; }

onramp_java_feature() { # prints the feature release of the JDK in $1 (21, 25, ...) or nothing
	[ -x "$1/bin/javac" ] || return 0
	# every JDK since 9 describes itself in a release file: reading it costs nothing, starting the JDK's java to
	# ask it costs about 0.2 s each time ./onramp or ./test runs
	local version
	version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -1)
	if [ -n "$version" ]; then
		printf '%s\n' "$version"
		return 0
	fi
	"$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1
}

onramp_select_jdk() {
	local candidate feature
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk*; do
		[ -n "$candidate" ] && [ -d "$candidate" ] || continue
		feature=$(onramp_java_feature "$candidate")
		if [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
			export JAVA_HOME="$candidate"
			return 0
		fi
	done
	onramp_log "no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm)."
	onramp_log "install one (for example Temurin 21 or 25) and set JAVA_HOME to it."
	return 1
}

onramp_select_maven() {
	local mvn_home="$ONRAMP_TOOLS/apache-maven-$ONRAMP_MAVEN_VERSION"
	if [ ! -x "$mvn_home/bin/mvn" ]; then
		if ! command -v mvn >/dev/null 2>&1; then
			onramp_log "Maven is needed once to fetch Maven $ONRAMP_MAVEN_VERSION; install it: sudo apt-get install maven"
			return 1
		fi
		onramp_log "fetching Maven $ONRAMP_MAVEN_VERSION into .tools/ (once)"
		local scratch
		scratch=$(mktemp -d)
		# run outside the checkout: the project's .mvn/extensions.xml needs the newer Maven this fetches
		# the machine's Maven may run on a newer JDK than it knows: keep its Unsafe warnings quiet
		if ! (cd "$scratch" && MAVEN_OPTS="${MAVEN_OPTS:-} $(onramp_unsafe_option)" mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
			-Dartifact="org.apache.maven:apache-maven:$ONRAMP_MAVEN_VERSION:zip:bin" \
			-DoutputDirectory="$scratch/out" >&2); then
			rm -rf "$scratch"
			onramp_log "could not fetch Maven $ONRAMP_MAVEN_VERSION with $(command -v mvn); check its repository settings"
			return 1
		fi
		mkdir -p "$ONRAMP_TOOLS"
		rm -rf "$mvn_home"
		mv "$scratch/out/apache-maven-$ONRAMP_MAVEN_VERSION" "$mvn_home"
		rm -rf "$scratch"
	fi
	export ONRAMP_MVN="$mvn_home/bin/mvn"
	case "${MAVEN_OPTS:-}" in
	*sun-misc-unsafe-memory-access*) ;;
	*) export MAVEN_OPTS="${MAVEN_OPTS:-} $(onramp_unsafe_option)" ;;
	esac
}

# Maven's own libraries use sun.misc.Unsafe; JDK 24+ warns about it on every build unless told it is allowed
onramp_unsafe_option() {
	if [ "$(onramp_java_feature "$JAVA_HOME")" -ge 24 ]; then
		echo "--sun-misc-unsafe-memory-access=allow"
	fi
}

# For the benchmark scripts, which run outside OSGi on a plain class path.
onramp_pinned_jar() { # groupPath artifactId -> the jar at the version pinned in the target platform, from ~/.m2
	local root target version file
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	target="$root/releng/dev.onramp.target/onramp.target"
	version=$(sed -n "s|.*<artifactId>$2</artifactId><version>\([^<]*\)</version>.*|\1|p" "$target" | head -1)
	file="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/$1/$2/$version/$2-$version.jar"
	[ -f "$file" ] || { onramp_log "missing $file: run the Maven build first"; return 1; }
	printf '%s' "$file"
}

onramp_classes() { # directory... -> their target/classes joined with ':', each one required
	local dir classes=""
	for dir in "$@"; do
		[ -d "$dir/target/classes" ] || { onramp_log "missing $dir/target/classes: run the Maven build first"; return 1; }
		classes="$classes${classes:+:}$dir/target/classes"
	done
	printf '%s' "$classes"
}
