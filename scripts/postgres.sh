#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests of the PostgreSQL backend and exports
# WIFO_POSTGRES_URL (and WIFO_POSTGRES_DATA, the data directory the erasure test reads). Meant to
# be sourced by scripts/test.sh: installs Debian's `postgresql` when missing (as root), creates a
# cluster with `initdb` in a temporary directory, starts it on a free port on 127.0.0.1 and stops
# it when the sourcing shell exits. As root, the cluster runs as the `postgres` user (the server
# refuses to run as root).

postgres_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! postgres_bin >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    else
        echo "PostgreSQL fehlt. Bitte als root ausführen:" >&2
        echo "  apt-get install -y postgresql" >&2
        exit 1
    fi
fi
PG_BIN="$(postgres_bin)"
export PG_BIN

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

PG_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/wifo-postgres.XXXXXX")"
[ "$(id -u)" = 0 ] && chown postgres "$PG_ROOT"
free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}
PG_PORT="$(free_port)"
export PG_ROOT PG_PORT
as_owner "$PG_BIN/initdb" --pgdata="$PG_ROOT/data" --username=wifo --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_ROOT/initdb.log"
cat >>"$PG_ROOT/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_ROOT'
synchronous_commit = on
fsync = on
max_connections = 300
wal_level = replica
max_wal_senders = 10
CONF
as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_ROOT/data" --log="$PG_ROOT/server.log" --wait start >/dev/null
trap 'as_owner "$PG_BIN/pg_ctl" --pgdata="$PG_ROOT/data" --mode=immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_ROOT"' EXIT
as_owner "$PG_BIN/createdb" --host=127.0.0.1 --port="$PG_PORT" --username=wifo wifo
export WIFO_POSTGRES_URL="postgres://wifo@127.0.0.1:$PG_PORT/wifo"
export WIFO_POSTGRES_DATA="$PG_ROOT/data"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') für die Tests: $WIFO_POSTGRES_URL"
