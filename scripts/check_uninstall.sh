#!/usr/bin/env bash
# The optional bridges uninstall and install again cleanly, leaving social_enterprise.
# Works on a throwaway copy of the test database (make test builds it) and of its filestore;
# drops both at the end. Another source database: ODOO_TEST_DB=<db> (the copy is <db>_uninstall).
# Usage: scripts/check_uninstall.sh [addon,...] (default: the three bridges).
source "$(dirname "$0")/common.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"
BRIDGES="${1:-social_enterprise_mrp_support,social_enterprise_pos,social_enterprise_mrp}"
COPY="${ODOO_TEST_DB}_uninstall"
FILESTORE="$CACHE_DIR/filestore/filestore"
addons_installed "$ODOO_TEST_DB" || die "run make test first: $ODOO_TEST_DB lacks $ODOO_ADDONS"
dropdb --if-exists "$COPY"
rm -rf "${FILESTORE:?}/$COPY"
createdb -T "$ODOO_TEST_DB" "$COPY"
# The attachments (assets, images of the sample data) live in the filestore, not the database.
[ ! -d "$FILESTORE/$ODOO_TEST_DB" ] || cp -a "$FILESTORE/$ODOO_TEST_DB" "$FILESTORE/$COPY"
trap 'dropdb --if-exists "$COPY"; rm -rf "${FILESTORE:?}/$COPY"' EXIT
log "Uninstalling $BRIDGES from a copy of $ODOO_TEST_DB"
out="$(ODOO_BIN shell -c "$CONF" -d "$COPY" --no-http --log-level=warn 2>&1 <<PY
bridges = "$BRIDGES".split(",")
modules = env["ir.module.module"].search([("name", "in", bridges)])
assert len(modules) == len(bridges), modules.mapped("name")
modules.button_immediate_uninstall()
env.cr.execute(
    "SELECT name, state FROM ir_module_module WHERE name IN %s OR name = %s",
    (tuple(bridges), "social_enterprise"),
)
states = dict(env.cr.fetchall())
assert states.pop("social_enterprise") == "installed", states
assert set(states.values()) == {"uninstalled"}, states
if "social_enterprise_mrp" in bridges:
    env.cr.execute("SELECT 1 FROM ir_model WHERE model = 'social.workcenter.capacity'")
    assert not env.cr.fetchall(), "social.workcenter.capacity left"
    env.cr.execute(
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = 'mrp_workcenter_productivity'"
        " AND column_name = 'employee_id'"
    )
    assert not env.cr.fetchall(), "mrp_workcenter_productivity.employee_id left"
env.cr.commit()
print("UNINSTALL OK:", ", ".join(bridges))
PY
)"
echo "$out" | tail -n 20
grep -q "UNINSTALL OK" <<<"$out" || die "uninstall failed (see above)"
log "Installing $BRIDGES again"
out="$(ODOO_BIN -c "$CONF" -d "$COPY" -i "$BRIDGES" --stop-after-init --no-http --log-level=warn 2>&1)" \
    || { echo "$out" | tail -n 40; die "reinstall failed (see above)"; }
echo "$out" | tail -n 20
# Odoo installs an addon whose sample data fails without it and only warns: that is a failure here.
! grep -q "demo data failed" <<<"$out" || die "the sample data failed to load again (see above)"
state="$(psql -d "$COPY" -Atc "select string_agg(name || '=' || state, ' ') from ir_module_module
    where name in ('${BRIDGES//,/\',\'}')")"
echo "$state"
! grep -q "=uninstalled\|=to " <<<"$state" || die "reinstall failed: $state"
log "Install/uninstall cycle clean"
