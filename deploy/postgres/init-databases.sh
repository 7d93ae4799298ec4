#!/bin/sh
# Run by the postgres image once, when the data volume is first initialised. The app and Temporal
# get login roles of their own rather than the superuser, with the same POSTGRES_PASSWORD.
# Temporal's databases are created by the temporal-schema job, hence CREATEDB.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set password="$POSTGRES_PASSWORD" <<'SQL'
CREATE ROLE samspill LOGIN PASSWORD :'password';
CREATE DATABASE samspill OWNER samspill;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'password';
SQL
