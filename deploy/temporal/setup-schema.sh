#!/bin/sh
# Creates Temporal's databases and brings their schemas up to this admin-tools version. Every step
# is idempotent, so the job runs on each `docker compose up` and applies upgrades after a bump.
# The password comes from SQL_PASSWORD, which temporal-sql-tool reads itself.
set -eu
schemas=/etc/temporal/schema/postgresql/v12

sql() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

setup() {
  sql --db "$1" create
  sql --db "$1" setup-schema -v 0.0
  sql --db "$1" update-schema -d "$2"
}

setup temporal "$schemas/temporal/versioned"
setup temporal_visibility "$schemas/visibility/versioned"
