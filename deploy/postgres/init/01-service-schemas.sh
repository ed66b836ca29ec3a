#!/bin/sh
# Runs once, when the PostgreSQL container starts with an empty data volume: one schema and one
# login role per service, each role confined to its own schema (the local platform does the same).
# A new service is one more "service" line; its password comes from the compose environment.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL

service() { # role schema password
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
		-v role="$1" -v schema="$2" -v password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
GRANT CONNECT ON DATABASE :"DBNAME" TO :"role";
CREATE SCHEMA :"schema" AUTHORIZATION :"role";
REVOKE ALL ON SCHEMA :"schema" FROM PUBLIC;
ALTER ROLE :"role" IN DATABASE :"DBNAME" SET search_path = :"schema";
SQL
}

service user_service users "$USER_SERVICE_DB_PASSWORD"
service payment_service payments "$PAYMENT_SERVICE_DB_PASSWORD"
service order_service orders "$ORDER_SERVICE_DB_PASSWORD"
