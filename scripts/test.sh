#!/usr/bin/env bash
# make test: set up, lint, install both addons into a fresh database, run every test, check the log.
# Last line: "N passed, M failed". Exit status non-zero on anything red.
# Options (environment): SKIP_LINT=1, KEEP_DB=1 (reuse an installed test database), PYTEST_ARGS.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"
OUT="$ROOT/.cache/test"
mkdir -p "$OUT"
red=0

# Nemhandel's official OIOUBL schematron (release 1.17.2 from github.com/phax/phive-rules,
# phive-rules-oioubl/docs): the invoice test validates against it when it is unpacked here.
if [ -z "${OIOUBL_SCHEMATRON_DIR:-}" ] && [ -f /opt/oioubl/1.17.2/Stylesheets/OIOUBL_Invoice_Schematron.xsl ]; then
    export OIOUBL_SCHEMATRON_DIR=/opt/oioubl/1.17.2
fi
[ -n "${OIOUBL_SCHEMATRON_DIR:-}" ] || log "No OIOUBL schematron in /opt/oioubl/1.17.2: its test is skipped (see README)"

# The browser tests (tours) drive a headless Chromium.
command -v chromium >/dev/null || apt_install chromium

if [ "${SKIP_LINT:-}" != 1 ]; then
    "$ROOT/scripts/lint.sh" || { red=1; log "Lint failed"; }
fi

install_log="$OUT/install.log"
rm -f "$install_log"
installed=1
if [ "${KEEP_DB:-}" = 1 ] && addons_installed "$ODOO_TEST_DB"; then
    log "Reusing test database $ODOO_TEST_DB (KEEP_DB=1): updating the addons"
    ODOO_BIN -c "$CONF" -d "$ODOO_TEST_DB" -u "$ODOO_ADDONS" --stop-after-init --no-http \
        --log-level=info --logfile="$install_log" || installed=0
else
    log "Installing $ODOO_ADDONS with sample data into a fresh database $ODOO_TEST_DB"
    dropdb --if-exists "$ODOO_TEST_DB"
    rm -rf "$CACHE_DIR/filestore/filestore/$ODOO_TEST_DB"
    ODOO_BIN -c "$CONF" -d "$ODOO_TEST_DB" -i "$ODOO_ADDONS" --with-demo --stop-after-init --no-http \
        --log-level=info --logfile="$install_log" || installed=0
fi
if [ "$installed" = 0 ] || grep -q "Failed to load registry\|Failed to initialize database" "$install_log"; then
    grep -v '^  File \|^    ' "$install_log" | grep -A12 -m1 "Traceback" >&2 || tail -n 30 "$install_log" >&2
    log "Installing the addons failed: see $install_log"
    echo "0 passed, 1 failed"
    exit 1
fi

test_log="$OUT/tests.log"
junit="$OUT/junit.xml"
rm -f "$test_log" "$junit"
log "Running the tests of both addons and tests/"
set +e
# shellcheck disable=SC2086
"$VENV/bin/pytest" -p no:cacheprovider -p no:logging -q \
    --odoo-config="$CONF" --odoo-database="$ODOO_TEST_DB" --odoo-log-level=info \
    --odoo-extra="logfile=$test_log" --odoo-http --junitxml="$junit" \
    $(for a in ${ODOO_ADDONS//,/ }; do printf '%s/addons/%s ' "$ROOT" "$a"; done) \
    "$ROOT/tests" ${PYTEST_ARGS:-}
pytest_rc=$?
set -e
# pytest exits 5 when it collected nothing: that is red here too.
[ $pytest_rc -eq 0 ] || red=1

# The optional bridges uninstall and install again on a copy of the test database.
if ! "$ROOT/scripts/check_uninstall.sh" >"$OUT/uninstall.log" 2>&1; then
    tail -n 20 "$OUT/uninstall.log" >&2
    log "The bridges' uninstall/reinstall check failed: see $OUT/uninstall.log"
    red=1
fi

log "Checking the Odoo logs for warnings and errors"
if ! "$VENV/bin/python" "$ROOT/scripts/checklog.py" "$install_log" "$test_log"; then
    red=1
fi

counts="$("$VENV/bin/python" - "$junit" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError):
    print("0 0"); sys.exit()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(tests - bad - skipped, bad)
PY
)"
passed="${counts% *}"; failed="${counts#* }"
[ "$passed" -gt 0 ] || red=1
if [ "$red" -ne 0 ] && [ "$failed" -eq 0 ]; then
    log "Red: see lint, install log ($install_log) or log check above"
fi
echo "$passed passed, $failed failed"
exit "$red"
