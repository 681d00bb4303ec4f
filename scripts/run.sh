#!/usr/bin/env bash
# make run: set up, create or update the database with both addons and the sample data, serve.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"

if addons_installed "$ODOO_DB"; then
    log "Database $ODOO_DB exists: updating the addons"
    ODOO_BIN -c "$CONF" -d "$ODOO_DB" -u "$ODOO_ADDONS" --stop-after-init --no-http
elif db_exists "$ODOO_DB"; then
    die "Database $ODOO_DB exists but does not have $ODOO_ADDONS installed (an interrupted first run, or another database of that name). Drop it with 'make clean-db' or set ODOO_DB to another name."
else
    log "Creating database $ODOO_DB with the addons and the sample data (a few minutes)"
    ODOO_BIN -c "$CONF" -d "$ODOO_DB" -i "$ODOO_ADDONS" --with-demo --stop-after-init --no-http \
        --load-language=da_DK
fi
[ "${RUN_SETUP_ONLY:-}" = 1 ] && exit 0
cat <<MSG

  Odoo 19.0 with social_enterprise and support_hours: http://127.0.0.1:$ODOO_HTTP_PORT
  Database: $ODOO_DB    Login: admin    Password: admin
  (sample users: jonas/jonas coordinator, peter/peter work supervisor, mette/mette mentor,
   lone/lone accountant)

MSG
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$ODOO_DB" --db-filter="^$ODOO_DB\$"
