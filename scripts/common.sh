# Shared settings and helpers for the project's scripts (sourced, not run).
# Every setting can be overridden from the environment; README "Configuration" lists them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-}"
ODOO_DB="${ODOO_DB:-social_enterprise}"
ODOO_TEST_DB="${ODOO_TEST_DB:-${ODOO_DB}_test}"
ODOO_HTTP_PORT="${ODOO_HTTP_PORT:-8069}"
# Every addon of this repository (a folder of addons/ with a manifest), comma-separated.
project_addons() {
    local dir names=()
    for dir in "$ROOT"/addons/*/; do
        [ -f "$dir/__manifest__.py" ] && names+=("$(basename "$dir")")
    done
    (IFS=,; printf '%s' "${names[*]}")
}
ODOO_ADDONS="${ODOO_ADDONS:-$(project_addons)}"
CACHE_DIR="${CACHE_DIR:-$ROOT/.cache}"
# The one place the official Odoo 19.0 Community source archive is pinned.
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz}"
ODOO_SERIES="19.0"
DEB_BUILD_PACKAGES=(libldap2-dev libsasl2-dev libpq-dev libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root for: $* (install sudo or run as root)"
    fi
}

apt_install() {
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing system packages: ${missing[*]} (no apt-get here: install them by hand)"
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Prints the series ("19.0") of the Odoo source tree in $1, or nothing.
odoo_series_of() {
    local rel="$1/odoo/release.py"
    [ -f "$rel" ] && [ -f "$1/odoo-bin" ] || return 0
    sed -n 's/^version_info = (\([0-9]*\), *\([0-9]*\),.*/\1.\2/p' "$rel" | head -n1
}

# Resolves the Odoo source tree: $ODOO_SRC, else /opt/odoo, else the downloaded official archive.
resolve_odoo_src() {
    local series
    if [ -n "${ODOO_SRC:-}" ]; then
        series="$(odoo_series_of "$ODOO_SRC")"
        [ "$series" = "$ODOO_SERIES" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo $ODOO_SERIES source tree (found: ${series:-no odoo-bin/odoo/release.py}). Set ODOO_SRC to a directory holding Odoo $ODOO_SERIES Community (odoo-bin, odoo/, addons/)."
        return 0
    fi
    if [ "$(odoo_series_of /opt/odoo)" = "$ODOO_SERIES" ]; then
        ODOO_SRC=/opt/odoo; return 0
    fi
    local dest="$CACHE_DIR/odoo-$ODOO_SERIES"
    if [ "$(odoo_series_of "$dest")" != "$ODOO_SERIES" ]; then
        log "No Odoo $ODOO_SERIES source in ODOO_SRC or /opt/odoo: downloading $ODOO_ARCHIVE_URL"
        mkdir -p "$CACHE_DIR"
        local tgz="$CACHE_DIR/odoo-$ODOO_SERIES.tar.gz"
        curl -fL --retry 3 -o "$tgz.part" "$ODOO_ARCHIVE_URL" \
            || die "could not download $ODOO_ARCHIVE_URL. Set ODOO_SRC to a local Odoo $ODOO_SERIES Community source tree (odoo-bin, odoo/, addons/)."
        mv "$tgz.part" "$tgz"
        rm -rf "$dest" && mkdir -p "$dest"
        tar -xzf "$tgz" -C "$dest" --strip-components=1
        [ "$(odoo_series_of "$dest")" = "$ODOO_SERIES" ] || die "$ODOO_ARCHIVE_URL did not contain Odoo $ODOO_SERIES. Set ODOO_SRC instead."
    fi
    ODOO_SRC="$dest"
}

ODOO_BIN() { "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@"; }

addons_path() { printf '%s/addons,%s/odoo/addons,%s/addons' "$ODOO_SRC" "$ODOO_SRC" "$ROOT"; }

# Writes the Odoo configuration used by run, test and benchmarks.
write_odoo_conf() {
    local conf="$ROOT/.odoo.conf"
    cat > "$conf" <<CONF
[options]
addons_path = $(addons_path)
data_dir = $CACHE_DIR/filestore
$( [ -n "${PGHOST:-}" ] && echo "db_host = $PGHOST" )
$( [ -n "${PGPORT:-}" ] && echo "db_port = $PGPORT" )
$( [ -n "${PGUSER:-}" ] && echo "db_user = $PGUSER" )
$( [ -n "${PGPASSWORD:-}" ] && echo "db_password = $PGPASSWORD" )
http_interface = 127.0.0.1
http_port = $ODOO_HTTP_PORT
list_db = False
CONF
    printf '%s' "$conf"
}

# True when database $1 exists and has every addon of $ODOO_ADDONS installed.
addons_installed() {
    local names count
    names="'${ODOO_ADDONS//,/\',\'}'"
    count="$(psql -d "$1" -Atc "select count(*) from ir_module_module
        where state = 'installed' and name in ($names)" 2>/dev/null || echo 0)"
    [ "$count" = "$(tr ',' '\n' <<<"$ODOO_ADDONS" | wc -l | tr -d ' ')" ]
}

db_exists() {
    psql -d postgres -Atc "select 1 from pg_database where datname = '$1'" | grep -q 1
}
