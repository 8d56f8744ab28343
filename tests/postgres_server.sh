#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (CTest fixture `postgres`): initdb into DIR/data,
# `postgres` listening only on a Unix socket in DIR (no TCP port), stopped and removed at the end.
#   tests/postgres_server.sh start DIR   writes DIR/server: the socket folder, or "SKIP: reason"
#   tests/postgres_server.sh stop DIR
# As root (CI), initdb refuses to run: the server runs as the `postgres` user the Debian package
# creates. Roles: poa_test (superuser, trust), poa_clave (password "secreta", scram), poa_lector
# (no privilege to create tables).
set -euo pipefail

action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
state=$dir/server

# The folder the server lives in: DIR, or one under /tmp when DIR is too long for a socket path
# (107 bytes) or not reachable by the server's user (a build tree under /root).
place() { if [[ -f $dir/place ]]; then cat "$dir/place"; else echo "$dir"; fi; }

as_server() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  local home
  home=$(place)
  if [[ -f $home/data/postmaster.pid ]]; then
    as_server "$bin/pg_ctl" -D "$home/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [[ $home != "$dir" ]] && rm -rf "$home"
  rm -rf "$dir/data" "$dir/place" "$dir/log"
}

skip() {
  echo "SKIP: $1" >"$state"
  echo "PostgreSQL tests skipped: $1"
  exit 0
}

bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1 || true)
if [[ $action == stop ]]; then
  [[ -n $bin ]] && stop
  rm -f "$state"
  exit 0
fi

[[ -n $bin && -x $bin/initdb ]] ||
  skip "PostgreSQL no está instalado (/usr/lib/postgresql/*/bin/initdb; scripts/setup-deps.sh --test lo instala)"
if [[ $(id -u) -eq 0 ]] && ! getent passwd postgres >/dev/null; then
  skip "como root initdb necesita el usuario postgres (lo crea el paquete postgresql)"
fi
stop  # a server left by an interrupted run

home=$dir
[[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
if ((${#dir} > 80)) || ! as_server test -w "$dir" 2>/dev/null; then
  home=$(mktemp -d /tmp/poa-pg.XXXXXX)
  echo "$home" >"$dir/place"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$home"
fi

as_server "$bin/initdb" -D "$home/data" -U poa_test --auth=trust -E UTF8 --no-locale --no-sync \
  >"$dir/log" 2>&1 || { cat "$dir/log"; exit 1; }
cat >"$home/data/pg_hba.conf" <<'EOF'
local all poa_clave scram-sha-256
local all all trust
EOF
as_server "$bin/pg_ctl" -D "$home/data" -l "$home/data/server.log" -w -t 60 \
  -o "-k $home -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=30" \
  start >>"$dir/log" 2>&1 || { cat "$dir/log" "$home/data/server.log"; exit 1; }
"$bin/psql" -h "$home" -U poa_test -d postgres -v ON_ERROR_STOP=1 -q >>"$dir/log" 2>&1 <<'EOF'
CREATE ROLE poa_clave LOGIN PASSWORD 'secreta';
CREATE ROLE poa_lector LOGIN;
EOF
echo "$home" >"$state"
echo "PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }') on socket $home (user $(as_server id -un))"
