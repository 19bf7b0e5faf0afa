#!/usr/bin/env bash
# Installs what the Onramp tests need from Debian/Ubuntu packages on a fresh machine:
#   Xvfb + xauth + GTK 3 (the workbench UI test), socat (serial pseudo-terminals), ser2net (an independent RFC 2217
#   server for the rfc2217:// client test), iproute2 (network namespaces),
#   util-linux's script (runs the product on a terminal for the prompt test),
#   dbus-daemon (a private bus for the BlueZ stand-in of the BLE provisioning tests),
#   Node.js and npm (the snippet check against a real MicroPython), Chromium and its WebDriver (the provisioning page
#   driven in a real headless browser), and Maven when none is installed (it fetches the Maven 3.9 the build uses).
# As root it runs apt-get; otherwise it prints the exact command and fails.
# Then it installs the npm package of the snippet check, pinned in releng/micropython-check/package.json, into the
# git-ignored .tools/micropython-check (from the machine's configured npm registry), unless that version is there.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"

missing=()
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
command -v xauth >/dev/null 2>&1 || missing+=(xauth)
command -v socat >/dev/null 2>&1 || missing+=(socat)
[ -x /usr/sbin/ser2net ] || missing+=(ser2net)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v script >/dev/null 2>&1 || missing+=(bsdutils)
command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus-daemon)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v mvn >/dev/null 2>&1 || [ -x "$root/.tools/apache-maven-3.9.11/bin/mvn" ] || missing+=(maven)
if ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
	missing+=(libgtk-3-0)
fi

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "onramp: installing ${missing[*]} with apt-get" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
	else
		echo "onramp: the tests need: ${missing[*]}" >&2
		echo "onramp: install them with:  sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
fi

package=@micropython/micropython-webassembly-pyscript
pinned="$(sed -n 's|.*"'"$package"'": *"\([^"]*\)".*|\1|p' "$root/releng/micropython-check/package.json")"
check="$root/.tools/micropython-check"
if ! grep -q '"version": *"'"$pinned"'"' "$check/node_modules/$package/package.json" 2>/dev/null; then
	echo "onramp: installing $package@$pinned into .tools/micropython-check" >&2
	mkdir -p "$check"
	cp "$root/releng/micropython-check/package.json" "$check/package.json"
	(cd "$check" && npm install --no-package-lock --no-audit --no-fund --loglevel=error) >&2
fi
