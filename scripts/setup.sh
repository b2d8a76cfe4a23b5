#!/usr/bin/env bash
# Brings a fresh machine (or a stale checkout) up to what the site and its tests need.
# Usage: scripts/setup.sh [--with-browser] [--with-portals]
#   --with-browser  Debian's Chromium, for the browser tests
#   --with-portals  the builders of other portals, each pinned in its own environment under
#                   portals/: Backstage's TechDocs command line (npm) with mkdocs-techdocs-core
#                   (.venv-techdocs), and Zensical (.venv-zensical)
# Each step is skipped when its inputs have not changed since it last ran, so `make serve`
# and `make test` stay fast after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=0 with_portals=0
for arg in "$@"; do
  case $arg in
    --with-browser) with_browser=1 ;;
    --with-portals) with_portals=1 ;;
    *) echo "setup.sh: unknown option '$arg'; expected --with-browser or --with-portals" >&2; exit 2 ;;
  esac
done

stamps=.setup-stamps
mkdir -p "$stamps"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Runs "$@" only when the checksum of FILE differs from the one recorded after the last success.
when_changed() {
  local name=$1 file=$2; shift 2
  local sum; sum=$(sha256sum "$file" | cut -d' ' -f1)
  if [[ -f "$stamps/$name" && "$(cat "$stamps/$name")" == "$sum" ]]; then return 0; fi
  "$@"
  echo "$sum" > "$stamps/$name"
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [[ $apt_updated -eq 0 ]]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# Python: a project-local virtual environment with every dependency pinned.
if ! command -v python3 >/dev/null; then say "installing python3"; apt_install python3 python3-venv; fi
if [[ ! -x .venv/bin/python ]]; then
  say "creating .venv"
  python3 -m venv .venv
  rm -f "$stamps/python"
fi
install_python() { say "installing Python dependencies"; .venv/bin/pip install -q --upgrade pip; .venv/bin/pip install -q -r requirements.txt; }
when_changed python requirements.txt install_python

# JavaScript: Pyodide (vendored into the site by a hook), and for the tests axe-core and ESLint,
# all from the lockfile (devDependencies included, whatever NODE_ENV says).
if ! command -v npm >/dev/null; then say "installing Node.js"; apt_install nodejs npm; fi
# ESLint and the options `make test` gives `node --test` need Node.js 20.19 or later.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
  process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "setup.sh: Node.js 20.19 or later is needed (ESLint, node --test); found $(node --version)" >&2
  exit 1
fi
if [[ ! -d node_modules/pyodide || ! -d node_modules/eslint ]]; then rm -f "$stamps/npm"; fi
install_npm() { say "installing npm packages"; npm ci --include=dev --no-audit --no-fund --loglevel=error; }
when_changed npm package-lock.json install_npm

# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
if [[ $with_browser -eq 1 && ! -x /usr/bin/chromium ]]; then
  say "installing Chromium from Debian"
  apt_install chromium fonts-liberation
fi

# Other builders, each in an environment of its own: their pins conflict with requirements.txt.
if [[ $with_portals -eq 1 ]]; then
  if [[ ! -d portals/node_modules/@techdocs/cli ]]; then rm -f "$stamps/npm-portals"; fi
  install_techdocs_cli() {
    say "installing the TechDocs command line"
    (cd portals && npm ci --no-audit --no-fund --loglevel=error)
  }
  when_changed npm-portals portals/package-lock.json install_techdocs_cli
  for env in techdocs zensical; do
    if [[ ! -x .venv-$env/bin/python ]]; then python3 -m venv ".venv-$env"; rm -f "$stamps/$env"; fi
    install_env() { say "installing $1 into .venv-$1"; ".venv-$1/bin/pip" install -q -r "portals/$1-requirements.txt"; }
    when_changed "$env" "portals/$env-requirements.txt" install_env "$env"
  done
fi
