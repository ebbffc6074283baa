#!/usr/bin/env bash
# Run by debian_package_test.sh: the package under systemd itself. systemd_boot_inside.sh boots
# systemd as the init process of a throwaway container (namespaces and an overlay root; nothing
# reaches the machine), then, in it:
# - dpkg -i installs the package and its postinst enables and starts ecosol.service;
# - the service runs as its user and answers /ready; its JSON request log is in the journal;
# - killed with SIGKILL, systemd starts it again (Restart=on-failure);
# - systemctl stop ends it cleanly (SIGTERM: requests in flight finish, exit status 0);
# - dpkg -r stops and disables it, and keeps the database.
# Usage: debian_systemd.sh DEB WORK
set -euo pipefail
deb=$(realpath "$1")
work=$2
source "$(dirname "$0")/lib.sh"
here=$(dirname "$(realpath "$0")")
[ -x /lib/systemd/systemd ] || fail "systemd is not installed (Debian package systemd)"

# A cgroup of the test's own in each hierarchy systemd uses; the container's cgroup namespace is
# rooted there, and the folders are removed at the end.
cgroup_dirs=()
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  cgroup_dirs=("/sys/fs/cgroup/ecosol-systemd-test.$$")
else
  [ -d /sys/fs/cgroup/systemd ] || fail "no cgroup hierarchy for systemd at /sys/fs/cgroup/systemd"
  cgroup_dirs=("/sys/fs/cgroup/systemd/ecosol-systemd-test.$$")
  [ -d /sys/fs/cgroup/unified ] && cgroup_dirs+=("/sys/fs/cgroup/unified/ecosol-systemd-test.$$")
fi
launcher=
container=
cleanup() {
  if [ -n "$container" ]; then kill -9 "$container" 2>/dev/null || true; fi
  if [ -n "$launcher" ]; then wait "$launcher" 2>/dev/null || true; fi
  # The container's processes are gone a moment after its process 1.
  for _ in $(seq 1 50); do
    for dir in "${cgroup_dirs[@]}"; do
      if [ -d "$dir" ]; then find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null || true; fi
    done
    [ -z "$(ls -d "${cgroup_dirs[@]}" 2>/dev/null)" ] && return 0
    sleep 0.1
  done
  echo "left behind: ${cgroup_dirs[*]}" >&2
}
trap cleanup EXIT
for dir in "${cgroup_dirs[@]}"; do mkdir "$dir"; done

mkdir -p "$work/layer"
# The launcher moves itself into the test's cgroups, then becomes unshare, whose child (process 1
# of the new PID namespace) becomes systemd.
# shellcheck disable=SC2016 # expanded by the inner bash
bash -c 'for dir in "${@:4}"; do echo $$ >"$dir/cgroup.procs"; done
  exec unshare --cgroup --mount --propagation private --pid --net --uts --ipc --fork \
    bash "$1" "$2" "$3"' launcher "$here/systemd_boot_inside.sh" "$work/layer" "$deb" \
  "${cgroup_dirs[@]}" >"$work/systemd-boot.log" 2>&1 </dev/null &
launcher=$!
for _ in $(seq 1 100); do
  container=$(pgrep -P "$launcher" || true)
  [ -n "$container" ] && [ "$(cat "/proc/$container/comm" 2>/dev/null)" = systemd ] && break
  container=
  sleep 0.1
done
[ -n "$container" ] || fail "systemd did not start in the container (systemd-boot.log)"
inside() { nsenter --target "$container" --all --root --wd "$@"; }
for _ in $(seq 1 100); do inside test -S /run/systemd/private && break; sleep 0.1; done
state=$(inside timeout 60 systemctl is-system-running --wait || true)
if [ "$state" != running ]; then
  inside systemctl --failed --no-pager >&2 || true
  fail "systemd in the container is '$state', not running"
fi
ok "systemd boots as the init process of a throwaway container"

# A package built before the web app (as `make test` builds it) has no web folder: the service is
# told to serve the API only, in the environment file its unit reads (before dpkg -i, whose
# postinst starts it).
web=false
contents=$(dpkg-deb --contents "$deb")
grep -q '/usr/share/ecosol/web/index.html$' <<<"$contents" && web=true
if [ "$web" = false ]; then
  inside sh -c 'mkdir -p /etc/ecosol && echo ECOSOL_WEB_ROOT= >/etc/ecosol/ecosol.env'
fi
inside dpkg -i /root/ecosol.deb >"$work/systemd-dpkg.log" 2>&1 || fail "dpkg -i under systemd failed"
journal() { inside journalctl --no-pager -o cat -u ecosol.service; }
[ "$(inside systemctl is-enabled ecosol.service)" = enabled ] || fail "postinst did not enable ecosol.service"
ready() {
  for _ in $(seq 1 150); do
    inside curl -fs http://127.0.0.1:8080/ready >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  journal | tail -20 >&2
  fail "$1"
}
ready "the service postinst started does not answer /ready"
main=$(inside systemctl show -p MainPID --value ecosol.service)
[ "$(inside ps -o user= -p "$main" | tr -d ' ')" = ecosol ] || fail "the service does not run as ecosol"
journal | grep -q '"path":"/ready".*"request_id"' || fail "no JSON request log in the journal"
state_dir=$(inside stat -c '%U:%G %a' /var/lib/ecosol)
[ "$state_dir" = "ecosol:ecosol 750" ] || fail "/var/lib/ecosol is $state_dir under systemd, not ecosol:ecosol 750"
if [ "$web" = true ]; then
  inside curl -fs http://127.0.0.1:8080/ | grep -q '<html' || fail "the service does not serve the web app"
fi
ok "dpkg -i: postinst enabled and started ecosol.service; it runs as ecosol, keeps /var/lib/ecosol 750, answers /ready and logs JSON to the journal"

inside kill -KILL "$main"
for _ in $(seq 1 100); do
  [ "$(inside systemctl show -p NRestarts --value ecosol.service)" = 1 ] && break
  sleep 0.1
done
[ "$(inside systemctl show -p NRestarts --value ecosol.service)" = 1 ] || fail "systemd did not restart the killed service"
ready "the restarted service does not answer /ready"
[ "$(inside systemctl show -p MainPID --value ecosol.service)" != "$main" ] || fail "the main process is the killed one"
ok "killed with SIGKILL, the service is started again by systemd (Restart=on-failure)"

inside systemctl stop ecosol.service
[ "$(inside systemctl show -p Result --value ecosol.service)" = success ] || fail "systemctl stop: the service failed"
[ "$(inside systemctl show -p ExecMainStatus --value ecosol.service)" = 0 ] || fail "systemctl stop: exit status not 0"
journal | grep -q 'requests in flight were answered' || fail "the stop was not graceful"
inside systemctl start ecosol.service
ready "systemctl start: the service does not answer /ready"
ok "systemctl stop ends it with status 0 after requests in flight; systemctl start brings it back"

inside dpkg -r ecosol >"$work/systemd-dpkg-remove.log" 2>&1 || fail "dpkg -r under systemd failed"
[ "$(inside systemctl is-active ecosol.service || true)" = inactive ] || fail "dpkg -r left the service running"
! inside test -e /etc/systemd/system/multi-user.target.wants/ecosol.service || fail "dpkg -r left the service enabled"
inside test -f /var/lib/ecosol/ecosol.db || fail "dpkg -r removed the database"
ok "dpkg -r stopped and disabled the service and kept the database"
