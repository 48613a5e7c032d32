# Installs Debian packages (as root) without starting the services they bring: while apt
# runs, a policy-rc.d refuses every service start; it is removed afterwards unless it was
# there before. Sourced by .ci/run and by the benchmarks that install their own tools.
#
#   install_debian_packages haproxy wrk
install_debian_packages() {
  local policy=/usr/sbin/policy-rc.d own_policy=false status=0
  apt-get update -qq || return
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || status=$?
  if "$own_policy"; then rm -f "$policy"; fi
  return "$status"
}
