#!/usr/bin/env bash
# The Debian package (cmake/EcosolPackaging.cmake): cpack builds it from this build tree; its
# control data names the shared libraries' packages, the conffile and the maintainer scripts; its
# files land where the systemd unit expects them; and a server started from the unpacked files
# with the packaged configuration answers, finds its frameworks and serves the web app when it
# was packaged. Then debian_install_inside.sh, in a mount namespace whose /etc, /usr and /var are
# throwaway overlays, installs it with dpkg -i, starts the server as the systemd unit says (as its
# user, with its environment and commands), and removes and purges it. Last, debian_systemd.sh
# boots systemd in a throwaway container and installs, starts, restarts, stops and removes it
# there with dpkg and systemctl.
# Registered with CTest; usage: debian_package_test.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
work=$(mktemp -d /tmp/ecosol-deb.XXXXXX)
server=
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/serve.log" ] && tail -20 "$work/serve.log" >&2; exit 1; }
ok() { echo "ok: $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { tail -30 "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/ecosol_*.deb)
ok "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

info=$(dpkg-deb --info "$deb")
grep -q '^ Package: ecosol$' <<<"$info" || fail "package name"
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
for lib in libsodium23 libsqlite3-0 libpq5 adduser; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
ok "Depends: $depends"
dpkg-deb --ctrl-tarfile "$deb" | tar -t >"$work/control.list"
for f in conffiles postinst prerm postrm; do
  grep -q "^\./$f$" "$work/control.list" || fail "no $f in the control data"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/ecosol/ecosol.toml ||
  fail "/etc/ecosol/ecosol.toml is not a conffile"
ok "conffile and maintainer scripts present"

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/ecosol etc/ecosol/ecosol.toml usr/lib/systemd/system/ecosol.service \
  usr/share/ecosol/data/taxonomy usr/share/ecosol/frameworks; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
ok "files at the paths of the systemd unit"

# Start as the unit does (ECOSOL_DB, ECOSOL_DATA_DIR), from the unpacked tree; the port and the
# web app folder are moved into it by the environment.
web_root=""
[ -f "$root/usr/share/ecosol/web/index.html" ] && web_root="$root/usr/share/ecosol/web"
export ECOSOL_DB="$work/ecosol.db" ECOSOL_DATA_DIR="$root/usr/share/ecosol/data"
"$root/usr/bin/ecosol" init >/dev/null
port=$(free_port)
ECOSOL_PORT=$port ECOSOL_WEB_ROOT="$web_root" \
  "$root/usr/bin/ecosol" serve --config "$root/etc/ecosol/ecosol.toml" >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.1; done
[ "$(curl -s "http://127.0.0.1:$port/ready" | jq -r .status)" = ready ] || fail "the packaged server is not ready"
frameworks=$(curl -s "http://127.0.0.1:$port/api/v1/frameworks" | jq '.items | length')
[ "${frameworks:-0}" -gt 0 ] || fail "the packaged server found no screening frameworks"
if [ -n "$web_root" ]; then
  curl -fs "http://127.0.0.1:$port/" | grep -q '<html' || fail "the packaged web app is not served"
  ok "the packaged web app is served"
fi
kill -TERM "$server"
wait "$server"
server=
ok "a server from the package's files answers /ready and has $frameworks screening frameworks"

here=$(dirname "$(realpath "$0")")
unshare --mount --propagation private bash "$here/debian_install_inside.sh" "$deb" "$work" ||
  fail "installing the package (above)"
# Then under systemd itself, booted as the init process of a throwaway container.
bash "$here/debian_systemd.sh" "$deb" "$work" || fail "the package under systemd (above)"
