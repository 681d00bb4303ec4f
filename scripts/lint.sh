#!/usr/bin/env bash
# make lint: ruff (OCA configuration), pylint-odoo (OCA's mandatory checks), manifestoo licenses.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
[ -x "$VENV/bin/ruff" ] || "$ROOT/scripts/setup.sh"
resolve_odoo_src
red=0
log "ruff check"
"$VENV/bin/ruff" check addons tests scripts || red=1
log "ruff format --check"
"$VENV/bin/ruff" format --check addons tests scripts || red=1
log "pylint-odoo (mandatory checks)"
# Unknown message names of older pylint-odoo releases are not errors.
"$VENV/bin/pylint" --rcfile=.pylintrc-mandatory --disable=unknown-option-value \
    $(for a in ${ODOO_ADDONS//,/ }; do printf 'addons/%s ' "$a"; done) || red=1
log "addon READMEs up to date"
"$VENV/bin/python" scripts/gen_readme.py --check || red=1
log "manifestoo check-licenses"
# The addons path from `import odoo` includes the OCA wheels (odoo-addon-*) of the venv.
"$VENV/bin/manifestoo" --select-addons-dir addons --addons-path "$(addons_path)" \
    --addons-path-python "$VENV/bin/python" --odoo-series 19.0 \
    check-licenses || red=1
[ $red -eq 0 ] && log "Lint clean"
exit $red
