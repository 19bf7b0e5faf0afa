#!/usr/bin/env bash
# Installs what the Onramp tests need from Debian/Ubuntu packages on a fresh machine:
#   Xvfb + xauth + GTK 3 (the workbench UI test), socat (serial pseudo-terminals), ser2net (an independent RFC 2217
#   server for the rfc2217:// client test), iproute2 (network namespaces),
#   util-linux's script (runs the product on a terminal for the prompt test),
#   and Maven when none is installed (it fetches the Maven 3.9 the build uses).
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

missing=()
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
command -v xauth >/dev/null 2>&1 || missing+=(xauth)
command -v socat >/dev/null 2>&1 || missing+=(socat)
[ -x /usr/sbin/ser2net ] || missing+=(ser2net)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v script >/dev/null 2>&1 || missing+=(bsdutils)
command -v mvn >/dev/null 2>&1 || [ -x "$(dirname "$0")/../../.tools/apache-maven-3.9.11/bin/mvn" ] || missing+=(maven)
if ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
	missing+=(libgtk-3-0)
fi

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "onramp: installing ${missing[*]} with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
	exit 0
fi

echo "onramp: the tests need: ${missing[*]}" >&2
echo "onramp: install them with:  sudo apt-get install -y ${missing[*]}" >&2
exit 1
