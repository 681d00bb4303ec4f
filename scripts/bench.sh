#!/usr/bin/env bash
# make bench: build (once) a synthetic database of 1,000 people over 3 years, then time the
# reports and print their figures. BENCH_DB names the database; BENCH_FRESH=1 rebuilds it.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh"
resolve_odoo_src
CONF="$(write_odoo_conf)"
BENCH_DB="${BENCH_DB:-${ODOO_DB}_bench}"
if [ "${BENCH_FRESH:-}" = 1 ]; then dropdb --if-exists "$BENCH_DB"; fi
if addons_installed "$BENCH_DB"; then
    ODOO_BIN -c "$CONF" -d "$BENCH_DB" -u "$ODOO_ADDONS" --stop-after-init --no-http --log-level=warn
else
    dropdb --if-exists "$BENCH_DB"
    log "Creating $BENCH_DB (no sample data; the benchmark generates its own)"
    ODOO_BIN -c "$CONF" -d "$BENCH_DB" -i "$ODOO_ADDONS" --stop-after-init --no-http --log-level=warn
fi
"$VENV/bin/python" "$ROOT/tests/benchmarks/bench.py" --config "$CONF" --db "$BENCH_DB" "$@"
