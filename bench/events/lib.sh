# Shared by bench/events/run.sh and bench/events/paging.sh (sourced after bench/env.sh):
# the generic server helpers of bench/lib/server.sh, and the API calls that set up a service
# with an integration key. The caller defines $work, $PORT, $DB_NAME and the cleanup trap.

# shellcheck source=bench/lib/server.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/server.sh"

# setup_service POLICY_USER: team bench-team, service bench-api (tier 2) and an integration
# key ($routing_key). With a user name, also that user (email <user>@example.com, no
# notification rules, so email at once) and an escalation policy whose level 1 pages them,
# named by the service; without, the service has no policy (ingestion only).
setup_service() {
  local user=${1:-}
  api POST /api/v1/teams '{"name":"bench-team","title":"Bench team","kind":"stream"}' >/dev/null
  api POST /api/v1/services '{"name":"bench-api","title":"Bench API","description":"Receives the benchmark events","owner":"bench-team","tier":2,"lifecycle":"production"}' >/dev/null
  if [ -n "$user" ]; then
    api POST /api/v1/users "{\"name\":\"$user\",\"displayName\":\"Bench On-call\",\"email\":\"$user@example.com\",\"timeZone\":\"UTC\"}" >/dev/null
    api PUT "/api/v1/teams/bench-team/members/$user" '{"role":"member"}' >/dev/null
    api POST /api/v1/escalation-policies "{\"name\":\"bench-escalation\",\"team\":\"bench-team\",\"repeat\":0,\"levels\":[{\"delay\":\"PT30M\",\"targets\":[{\"type\":\"user\",\"name\":\"$user\"}]}]}" >/dev/null
    api PUT /api/v1/services/bench-api/escalation-policy '{"policy":"bench-escalation"}' >/dev/null
  fi
  routing_key=$(api POST /api/v1/services/bench-api/integration-keys '{"name":"bench"}' \
    | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$routing_key" ] || die "no integration key in the answer"
  echo "   team bench-team, service bench-api (tier 2${user:+, policy bench-escalation → $user}), integration key created"
}
