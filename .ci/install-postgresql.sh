#!/usr/bin/env bash
# Installs Debian's postgresql and starts a cluster on 127.0.0.1:5432 for the ledger's PostgreSQL tests, with the
# role, password and database those tests use when PLAID_PARTNER_TEST_POSTGRES is unset:
#   Host=127.0.0.1;Port=5432;Username=plaid_ledger;Password=plaid_ledger;Database=plaid_ledger
# Idempotent: installs only what is missing, starts only what is down, and exits 0 when all is in place already.
# Needs root (CI runs as root) or sudo. Test data only: the password is not a secret.
set -euo pipefail

role=plaid_ledger
password=plaid_ledger
database=plaid_ledger

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-postgresql: PostgreSQL is missing and this machine has no apt-get; install it and set PLAID_PARTNER_TEST_POSTGRES to a connection string." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  $sudo pg_createcluster "$version" main -p 5432 >/dev/null
fi

# Listen on loopback only, whatever the package's default (Debian's postgresql.conf reads conf.d/).
conf="/etc/postgresql/$version/main/conf.d/plaid-partner-tests.conf"
if [ ! -f "$conf" ]; then
  echo "listen_addresses = '127.0.0.1'" | $sudo tee "$conf" >/dev/null
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  $sudo pg_ctlcluster "$version" main start
fi

# psql as the postgres superuser over the local socket (peer authentication).
if [ -z "$sudo" ]; then
  psql_as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }
else
  psql_as_postgres() { sudo -u postgres psql -v ON_ERROR_STOP=1 -qAt "$@"; }
fi

# Wait for the server to accept connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  if psql_as_postgres -c 'select 1' >/dev/null 2>&1; then break; fi
  sleep 1
done

if [ "$(psql_as_postgres -c "select 1 from pg_roles where rolname = '$role'")" != "1" ]; then
  psql_as_postgres -c "create role $role login password '$password'"
fi
if [ "$(psql_as_postgres -c "select 1 from pg_database where datname = '$database'")" != "1" ]; then
  psql_as_postgres -c "create database $database owner $role"
fi

echo "postgresql: $version on 127.0.0.1:5432, database $database, role $role"
