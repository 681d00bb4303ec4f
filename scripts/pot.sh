#!/usr/bin/env bash
# make pot: export each addon's .pot from an installed database and merge it into i18n/da.po.
# Uses $ODOO_TEST_DB (made by make test) unless POT_DB is set.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"
DB="${POT_DB:-$ODOO_TEST_DB}"
log "Updating the addons in $DB, then exporting the templates"
ODOO_BIN -c "$CONF" -d "$DB" -u "$ODOO_ADDONS" --stop-after-init --no-http --log-level=warn
ODOO_BIN i18n export -c "$CONF" -d "$DB" ${ODOO_ADDONS//,/ }
"$VENV/bin/python" "$ROOT/scripts/merge_po.py" "$ROOT"/addons/*/i18n/*.pot
