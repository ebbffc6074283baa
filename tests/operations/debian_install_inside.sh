#!/usr/bin/env bash
# Run by debian_package_test.sh inside a mount namespace of its own (unshare --mount): installs
# the package with dpkg, starts the server as its systemd unit says, removes and purges it.
# /etc, /usr and /var are overlays on the machine's own, their writes kept in $work/overlay, so
# the package's files, its system user, dpkg's database and the server's database all vanish
# with the namespace and the machine is left as it was.
# Usage: debian_install_inside.sh DEB WORK
set -euo pipefail
deb=$1
work=$2
source "$(dirname "$0")/lib.sh"
server=
stop_server() { [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true; }
trap stop_server EXIT

for dir in etc usr var; do
  mkdir -p "$work/overlay/$dir/upper" "$work/overlay/$dir/work"
  mount -t overlay overlay \
    -o "lowerdir=/$dir,upperdir=$work/overlay/$dir/upper,workdir=$work/overlay/$dir/work" "/$dir" ||
    fail "cannot put an overlay on /$dir (the test needs root and mount namespaces)"
done
! dpkg -s ecosol >/dev/null 2>&1 || fail "ecosol is already installed on this machine"
getent passwd ecosol >/dev/null && fail "the machine already has a user ecosol"

dpkg -i "$deb" >"$work/dpkg-install.log" 2>&1 || fail "dpkg -i failed"
dpkg -s ecosol | grep -qx 'Status: install ok installed' || fail "dpkg does not list ecosol as installed"
getent passwd ecosol >/dev/null || fail "postinst created no user ecosol"
[ "$(stat -c '%U:%G %a' /var/lib/ecosol)" = "ecosol:ecosol 750" ] ||
  fail "/var/lib/ecosol is $(stat -c '%U:%G %a' /var/lib/ecosol), not ecosol:ecosol 750"
ok "dpkg -i installed it: user ecosol, /var/lib/ecosol (750)"

unit=/usr/lib/systemd/system/ecosol.service
# systemd-analyze checks the unit's syntax and that its commands and user exist.
systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 ||
  fail "systemd-analyze verify $unit: $(cat "$work/verify.log")"
ok "systemd-analyze verify: the installed unit is sound"

# Started as the unit says: its Environment lines, its User, ExecStartPre then ExecStart. (systemd
# is not the init process here; the port is moved by ECOSOL_PORT, which overrides the file's.)
mapfile -t environment < <(sed -n 's/^Environment=//p' "$unit")
user=$(sed -n 's/^User=//p' "$unit")
pre=$(sed -n 's/^ExecStartPre=//p' "$unit")
start=$(sed -n 's/^ExecStart=//p' "$unit")
if [ -z "$user" ] || [ -z "$pre" ] || [ -z "$start" ]; then
  fail "the unit lacks User, ExecStartPre or ExecStart"
fi
port=$(free_port)
# A package built before the web app (as `make test` builds it) has no web folder: the server is
# then told to serve the API only, as the unpacked-files step does.
web_root=()
[ -f /usr/share/ecosol/web/index.html ] || web_root=(ECOSOL_WEB_ROOT=)
# setpriv runs the command itself as the user (no parent process left to forward signals); the
# server is started without the function, so that $! is the server.
as_user() { setpriv --reuid="$user" --regid="$user" --init-groups --reset-env -- "$@"; }
# shellcheck disable=SC2086 # the unit's command lines are split on spaces, as systemd does
as_user env "${environment[@]}" $pre >"$work/init.log" 2>&1 || fail "ExecStartPre ($pre) failed"
# shellcheck disable=SC2086
setpriv --reuid="$user" --regid="$user" --init-groups --reset-env -- \
  env "${environment[@]}" "${web_root[@]}" ECOSOL_PORT="$port" $start \
  >"$work/installed-serve.out" 2>"$work/installed-serve.log" &
server=$!
wait_ready "http://127.0.0.1:$port"
frameworks=$(curl -s "http://127.0.0.1:$port/api/v1/frameworks" | jq '.items | length')
[ "${frameworks:-0}" -gt 0 ] || fail "the installed server found no screening frameworks"
[ "$(stat -c %U /var/lib/ecosol/ecosol.db)" = "$user" ] || fail "the database is not the service user's"
[ "$(ps -o user= -p "$server" | tr -d ' ')" = "$user" ] || fail "the server does not run as $user"
kill -TERM "$server"
wait "$server" || fail "the installed server did not stop cleanly on SIGTERM"
server=
ok "the installed server, started as the unit says (user $user), answers /ready with $frameworks frameworks and stops on SIGTERM"

dpkg -r ecosol >"$work/dpkg-remove.log" 2>&1 || fail "dpkg -r failed"
[ ! -e /usr/bin/ecosol ] || fail "dpkg -r left /usr/bin/ecosol"
[ -f /etc/ecosol/ecosol.toml ] || fail "dpkg -r removed the configuration file (a conffile stays until purge)"
[ -f /var/lib/ecosol/ecosol.db ] || fail "dpkg -r removed the database"
dpkg -P ecosol >"$work/dpkg-purge.log" 2>&1 || fail "dpkg -P failed"
[ ! -e /etc/ecosol/ecosol.toml ] || fail "dpkg -P left /etc/ecosol/ecosol.toml"
[ -f /var/lib/ecosol/ecosol.db ] || fail "dpkg -P removed the database (data is never lost by removing the package)"
ok "dpkg -r kept the configuration and the database; dpkg -P removed the configuration and kept the database"
