#!/usr/bin/env bash
# make run: set up, create or update the database with both addons and the sample data, serve.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"

if psql -d postgres -Atc "select 1 from pg_database where datname = '$ODOO_DB'" | grep -q 1; then
    log "Database $ODOO_DB exists: updating the addons"
    ODOO_BIN -c "$CONF" -d "$ODOO_DB" -u "$ODOO_ADDONS" --stop-after-init --no-http
else
    log "Creating database $ODOO_DB with the addons and the sample data (a few minutes)"
    ODOO_BIN -c "$CONF" -d "$ODOO_DB" -i "$ODOO_ADDONS" --with-demo --stop-after-init --no-http \
        --load-language=da_DK
fi
[ "${RUN_SETUP_ONLY:-}" = 1 ] && exit 0
cat <<MSG

  Odoo 19.0 with social_enterprise and support_hours: http://127.0.0.1:$ODOO_HTTP_PORT
  Database: $ODOO_DB    Login: admin    Password: admin
  (sample users: jonas/jonas coordinator, peter/peter work supervisor)

MSG
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$ODOO_DB" --db-filter="^$ODOO_DB\$"
