#!/usr/bin/env bash
# ./onramp ide [--workspace DIR] [--data-dir DIR] [ECLIPSE ARGUMENTS...]
# Starts an Eclipse IDE with Onramp and the simulated devices installed, on the desktop: the IDE assembled by
# releng/dev.onramp.ide (the platform's IDE application), into which the built update site is installed with the
# IDE's own p2 director, as "Install New Software" would. Builds the IDE and the site first when they are missing or
# older than the sources, and installs again after every build. The workspace is DATA_DIR/workspace unless
# --workspace names one; other arguments go to Eclipse (for example -clean). ONRAMP_JAVA_OPTS adds JVM options;
# ONRAMP_IDE_HOME says where the IDE with Onramp lives (default releng/dev.onramp.ide/target/onramp-ide).
set -euo pipefail
ONRAMP_ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
export ONRAMP_ROOT
# shellcheck source=releng/scripts/env.sh
source "$ONRAMP_ROOT/releng/scripts/env.sh"

usage() {
	sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

workspace=""
data_dir=""
eclipse_args=()
while [ $# -gt 0 ]; do
	case "$1" in
	--workspace) [ $# -ge 2 ] || { usage >&2; exit 2; }; workspace=$2; shift 2 ;;
	--workspace=*) workspace=${1#--workspace=}; shift ;;
	--data-dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; data_dir=$2; shift 2 ;;
	--data-dir=*) data_dir=${1#--data-dir=}; shift ;;
	--help | -h) usage; exit 0 ;;
	*) eclipse_args+=("$1"); shift ;;
	esac
done

built_ide="$ONRAMP_ROOT/releng/dev.onramp.ide/target/products/dev.onramp.ide/linux/gtk/x86_64"
site="$ONRAMP_ROOT/releng/dev.onramp.site/target/repository"
ide_home="${ONRAMP_IDE_HOME:-$ONRAMP_ROOT/releng/dev.onramp.ide/target/onramp-ide}"
installed="$ide_home/.onramp-installed"

site_index() { ls "$site"/content.jar "$site"/content.xml.xz 2>/dev/null | head -1; }

# newer_than REFERENCE PATH...: is any source under PATH (outside target/ and bin/) newer than REFERENCE?
newer_than() {
	local reference=$1
	shift
	[ -n "$(cd "$ONRAMP_ROOT" && find "$@" \( -name target -o -name bin \) -prune -o -newer "$reference" -print -quit \
		2>/dev/null)" ]
}

# the site when it is missing or older than what goes into it; the IDE likewise
needs_build() {
	local ide_config="$built_ide/configuration/config.ini" index
	index=$(site_index)
	[ -f "$ide_config" ] && [ -n "$index" ] || return 0
	newer_than "$index" pom.xml .mvn bundles features releng/dev.onramp.target releng/dev.onramp.site ||
		newer_than "$ide_config" pom.xml .mvn releng/dev.onramp.target releng/dev.onramp.ide tests/dev.onramp.ide.probe
}

needs_install() {
	[ -f "$installed" ] || return 0
	[ "$installed" -ot "$built_ide/configuration/config.ini" ] || [ "$installed" -ot "$(site_index)" ]
}

onramp_select_jdk

if needs_build; then
	onramp_select_maven
	onramp_log "building the Eclipse IDE and the update site (once, or after a change to the sources)"
	if ! (cd "$ONRAMP_ROOT" && "$ONRAMP_MVN" -B -q package -DskipTests \
		-pl releng/dev.onramp.site,releng/dev.onramp.ide -am >&2); then
		onramp_log "the build failed; see the Maven output above"
		exit 1
	fi
fi

launcher_of() { ls "$1"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -1; }

if needs_install; then
	onramp_log "installing Onramp and the simulated devices into the IDE at $ide_home"
	rm -rf "$ide_home"
	mkdir -p "$(dirname "$ide_home")"
	cp -a "$built_ide" "$ide_home"
	log="$ide_home/onramp-install.log"
	if ! "$JAVA_HOME/bin/java" -jar "$(launcher_of "$ide_home")" -nosplash \
		-application org.eclipse.equinox.p2.director -repository "file:$site" \
		-installIU dev.onramp.ui.feature.feature.group,dev.onramp.simulator.feature.feature.group >"$log" 2>&1; then
		cat "$log" >&2
		onramp_log "the p2 director could not install Onramp into the IDE (its output is above)"
		exit 1
	fi
	touch "$installed"
fi

# the same data directory as the onramp command (CA, inventory), and a workspace of its own under it
if [ -z "$data_dir" ]; then
	data_dir=${ONRAMP_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/onramp}
fi
workspace=${workspace:-$data_dir/workspace}
mkdir -p "$workspace"

# the onramp command's secure storage (the CA key-store password lives there): its own file and master password,
# so the IDE asks for no master password and shares the CA with the command
config_home="${XDG_CONFIG_HOME:-$HOME/.config}/onramp"
mkdir -p "$config_home" && chmod 700 "$config_home"
master_password="$config_home/secure-storage.password"
if [ ! -s "$master_password" ]; then
	(umask 077 && head -c 32 /dev/urandom | base64 > "$master_password.tmp" && mv "$master_password.tmp" "$master_password")
fi

jvm_options=(-Xmx1g "-Donramp.data.dir=$data_dir")
# shellcheck disable=SC2206
[ -n "${ONRAMP_JAVA_OPTS:-}" ] && jvm_options+=($ONRAMP_JAVA_OPTS)

onramp_log "starting the Eclipse IDE with Onramp (workspace $workspace)"
exec "$JAVA_HOME/bin/java" "${jvm_options[@]}" -jar "$(launcher_of "$ide_home")" -nosplash -data "$workspace" \
	-eclipse.keyring "$config_home/secure_storage" -eclipse.password "$master_password" "${eclipse_args[@]}"
