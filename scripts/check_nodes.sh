#!/usr/bin/env bash
# Two Odoo nodes on one database and one filestore serve the same session (the README's
# scale-out), proven with two local servers on two ports. Uses the test database that
# make test builds (another one: ODOO_TEST_DB=<db>); ports: NODE_PORTS="8291 8292".
source "$(dirname "$0")/common.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"
addons_installed "$ODOO_TEST_DB" || die "run make test first: $ODOO_TEST_DB lacks $ODOO_ADDONS"
# shellcheck disable=SC2086
"$VENV/bin/python" "$ROOT/scripts/check_nodes.py" "$ODOO_SRC/odoo-bin" "$CONF" "$ODOO_TEST_DB" ${NODE_PORTS:-8291 8292}
