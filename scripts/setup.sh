#!/usr/bin/env bash
# Idempotent set-up: PostgreSQL, a virtualenv with Odoo 19.0 Community and the project's requirements.
# Usage: scripts/setup.sh            (called by `make run` and `make test`)
source "$(dirname "$0")/common.sh"

ensure_postgres() {
    if command -v pg_isready >/dev/null && pg_isready -q; then
        :
    else
        if ! command -v pg_ctlcluster >/dev/null; then
            log "PostgreSQL is not installed: installing Debian's postgresql"
            apt_install postgresql
        fi
        log "Starting PostgreSQL"
        local ver
        ver="$(ls /etc/postgresql | sort -V | tail -n1)"
        [ -n "$ver" ] || die "PostgreSQL is installed but has no cluster in /etc/postgresql"
        as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null \
            || as_root pg_ctlcluster "$ver" main start
        for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
        pg_isready -q || die "PostgreSQL did not start (see /var/log/postgresql/)"
    fi
    # A database role for the current user (Odoo connects as it over the local socket).
    if ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
        local me; me="$(id -un)"
        log "Creating PostgreSQL role $me"
        if [ "$(id -u)" = 0 ]; then su postgres -c "createuser --superuser $me"
        else sudo -u postgres createuser --superuser "$me"; fi
        psql -d postgres -Atc 'select 1' >/dev/null || die "cannot connect to PostgreSQL as $me"
    fi
    [ "$(id -un)" != postgres ] || die "Odoo refuses to run as the postgres user: use another account"
    return 0
}

find_python() {
    local cand
    for cand in "$PYTHON" python3.11 python3.12 python3; do
        [ -n "$cand" ] && command -v "$cand" >/dev/null || continue
        if "$cand" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] < (3, 14)))'; then
            PYTHON="$(command -v "$cand")"; return 0
        fi
    done
    die "Odoo $ODOO_SERIES needs Python 3.10-3.13 (3.11 recommended): set PYTHON=/path/to/python3.11"
}

ensure_venv() {
    find_python
    # Build dependencies of psycopg2, python-ldap and lxml (Odoo's requirements compile some of them).
    apt_install "${DEB_BUILD_PACKAGES[@]}" python3-venv 2>/dev/null || apt_install "${DEB_BUILD_PACKAGES[@]}"
    [ -x "$VENV/bin/python" ] || { log "Creating virtualenv $VENV"; "$PYTHON" -m venv "$VENV"; }
    local stamp="$VENV/.project-stamp" want
    want="$(cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" \
        "$ROOT/constraints.txt" | sha1sum | cut -c1-40) $ODOO_SRC"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        log "Installing Odoo's and the project's Python requirements into $VENV"
        # setuptools<81 is a build constraint of Odoo's pinned requirements (pkg_resources).
        export PIP_CONSTRAINT="$ROOT/constraints.txt" PIP_DISABLE_PIP_VERSION_CHECK=1
        "$VENV/bin/pip" install -q "setuptools<81" wheel
        "$VENV/bin/pip" install -q -r "$ODOO_SRC/requirements.txt"
        # Odoo itself, from its source tree, as the editable `odoo` distribution: --no-deps because
        # its requirements are installed just above. OCA's odoo-addon-* wheels in requirements.txt
        # require odoo==19.0.*, so they install after it.
        "$VENV/bin/pip" install -q --no-deps --no-build-isolation --use-pep517 \
            --config-settings editable_mode=compat -e "$ODOO_SRC"
        "$VENV/bin/pip" install -q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-dev.txt"
        echo "$want" > "$stamp"
    fi
    local site
    site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    rm -f "$site/odoo-src.pth"  # the .pth of earlier set-ups; the editable install has its own
    "$VENV/bin/python" -c "import odoo.release as r; assert r.series == '$ODOO_SERIES', r.series" \
        || die "the virtualenv does not import Odoo $ODOO_SERIES from $ODOO_SRC"
}

resolve_odoo_src
ensure_postgres
ensure_venv
# PDF reports (the municipal social-impact report, the RSV notes) are printed by
# wkhtmltopdf. It embeds installed fonts as text (web fonts it draws as paths), so the
# report font, Lato, and the fallback, DejaVu, are installed as Debian packages.
command -v wkhtmltopdf >/dev/null || apt_install wkhtmltopdf || log "wkhtmltopdf missing: PDF reports will not print"
apt_install fonts-lato fonts-dejavu-core || log "fonts-lato missing: PDF reports fall back to another installed font"
write_odoo_conf >/dev/null
log "Set-up done: Odoo $ODOO_SERIES from $ODOO_SRC, virtualenv $VENV"
