#!/usr/bin/env bash
# Run by debian_systemd.sh as process 1 of new cgroup, mount, PID, network, UTS and IPC
# namespaces: builds a throwaway root and starts systemd in it as its init process, the way
# systemd-nspawn does for a container (see systemd's "Container Interface").
# - The root is an overlay of the machine's / whose writes go to a tmpfs, LAYER: nothing systemd,
#   dpkg or the server writes reaches the machine's disk, and it all vanishes with the namespace.
#   /tmp and /run are fresh tmpfs folders: systemd-tmpfiles empties /tmp at boot, which must never
#   be the machine's own.
# - /dev holds only the usual character devices; /proc/sys is read-only, so that systemd changes
#   no setting of the machine's kernel; the cgroup folders are mounted anew inside the cgroup
#   namespace, so systemd's cgroups are children of the one debian_systemd.sh made for it.
# - The boot goes to ecosol-test.target (sysinit.target only: no timers, no other services), and
#   the few sysinit units that touch the kernel are masked.
# Usage: systemd_boot_inside.sh LAYER DEB
set -euo pipefail
layer=$1
deb=$2
mount -t tmpfs -o size=2g,mode=700 tmpfs "$layer"
mkdir -p "$layer/upper" "$layer/work" "$layer/root"
root=$layer/root
mount -t overlay overlay -o "lowerdir=/,upperdir=$layer/upper,workdir=$layer/work" "$root"

mount -t proc proc "$root/proc"
mount --bind "$root/proc/sys" "$root/proc/sys"
mount -o remount,bind,ro "$root/proc/sys"
mount -t tmpfs -o mode=755 tmpfs "$root/run"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
[ "$(stat -f -c %T "$root/tmp")" = tmpfs ] || { echo "the container's /tmp is not its own" >&2; exit 1; }

mount --rbind /sys "$root/sys"
mount -t tmpfs -o mode=755 tmpfs "$root/sys/fs/cgroup"
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then # the unified hierarchy alone
  umount "$root/sys/fs/cgroup"
  mount -t cgroup2 cgroup2 "$root/sys/fs/cgroup"
else # systemd's own v1 hierarchy, and the unified one where the machine has it
  mkdir "$root/sys/fs/cgroup/systemd"
  mount -t cgroup -o none,name=systemd cgroup "$root/sys/fs/cgroup/systemd"
  if [ -d /sys/fs/cgroup/unified ]; then
    mkdir "$root/sys/fs/cgroup/unified"
    mount -t cgroup2 cgroup2 "$root/sys/fs/cgroup/unified"
  fi
fi

mount -t tmpfs -o mode=755 tmpfs "$root/dev"
for node in null zero full random urandom tty; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir -m 1777 "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"

units=$root/etc/systemd/system
cat >"$units/ecosol-test.target" <<'EOF'
[Unit]
Description=The boot of Ecosol's systemd test: system initialisation only
Requires=sysinit.target
After=sysinit.target
AllowIsolate=yes
EOF
for unit in systemd-modules-load.service systemd-sysctl.service systemd-binfmt.service \
  proc-sys-fs-binfmt_misc.automount proc-sys-fs-binfmt_misc.mount sys-kernel-debug.mount \
  sys-kernel-tracing.mount sys-kernel-config.mount sys-fs-fuse-connections.mount; do
  ln -sf /dev/null "$units/$unit"
done
cp "$deb" "$root/root/ecosol.deb"

ip link set lo up
cd "$root"
exec chroot "$root" /usr/bin/env -i container=ecosol-test \
  /lib/systemd/systemd --system --unit=ecosol-test.target
