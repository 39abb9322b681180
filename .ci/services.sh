# Sourced by .ci/run: starts the services the tests need and exports where they are.

# PostgreSQL for the storage adapter tests (issue 6): a throw-away cluster from Debian's postgresql package,
# listening on 127.0.0.1 on a free port, trust auth. Exports SOCIAL_SHIFT_PG_URL; stopped when the shell exits.
start_social_shift_postgres() {
  local bin dir port as=()
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$bin" ]]; then
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    return 1
  fi
  dir=$(mktemp -d /tmp/social-shift-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$dir"
    as=(runuser -u postgres --)
  fi
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  "${as[@]}" "$bin/initdb" -D "$dir/data" --auth=trust -U postgres >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200" -l "$dir/server.log" -w start >/dev/null
  export SOCIAL_SHIFT_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export SOCIAL_SHIFT_PG_DIR="$dir"
  local stop previous
  stop="$(printf '%q ' "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop) >/dev/null 2>&1; rm -rf $(printf '%q' "$dir")"
  previous=$(trap -p EXIT | sed "s/^trap -- '\(.*\)' EXIT$/\1/")
  trap "$stop${previous:+; $previous}" EXIT
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (SOCIAL_SHIFT_PG_URL)"
}
start_social_shift_postgres
