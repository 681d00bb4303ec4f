#!/usr/bin/env bash
# make bench: build (once per size) a synthetic database over 3 years, then print, per
# report, its bare SQL aggregate and its own time side by side, and a month's billing
# run phase by phase (time, queries, peak memory).
#   BENCH_SIZES=1000,10000  people per database (default 1000; 10,000 takes long to
#                           build); from 10,000 people the billing run bills 5,000
#   BENCH_DB                the database of the first size (default ${ODOO_DB}_bench);
#                           other sizes get ${BENCH_DB}_<size>
#   BENCH_FRESH=1           rebuild the databases
#   BENCH_CONF=path         use this Odoo configuration as it is (no set-up, no
#                           generated .odoo.conf)
source "$(dirname "$0")/common.sh"
if [ -n "${BENCH_CONF:-}" ]; then
    CONF="$BENCH_CONF"
    ODOO_SRC="${ODOO_SRC:-/opt/odoo}"
else
    "$ROOT/scripts/setup.sh"
    resolve_odoo_src
    CONF="$(write_odoo_conf)"
fi
BENCH_DB="${BENCH_DB:-${ODOO_DB}_bench}"
first=1
SIZES="${BENCH_SIZES:-1000}"
for size in ${SIZES//,/ }; do
    if [ "$first" = 1 ]; then db="$BENCH_DB"; first=0; else db="${BENCH_DB}_${size}"; fi
    if [ "${BENCH_FRESH:-}" = 1 ]; then dropdb --if-exists "$db"; fi
    if addons_installed "$db"; then
        ODOO_BIN -c "$CONF" -d "$db" -u "$ODOO_ADDONS" --stop-after-init --no-http --log-level=warn
    else
        dropdb --if-exists "$db"
        log "Creating $db (no sample data; the benchmark generates its own)"
        ODOO_BIN -c "$CONF" -d "$db" -i "$ODOO_ADDONS" --stop-after-init --no-http --log-level=warn
    fi
    log "Benchmark of $db: $size people"
    "$VENV/bin/python" "$ROOT/tests/benchmarks/bench.py" --config "$CONF" --db "$db" \
        --people "$size" "$@"
done
