#!/usr/bin/env bash
# Runs every SaferPlan test. Installs what the tests need when it is missing (PostgreSQL, Chromium,
# LibreOffice and poppler), starts PostgreSQL on 127.0.0.1 for the run and stops it again afterwards.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The dashboard's charts measure their text with a real font.
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
# The outreach tests' SMTP server: Debian's aiosmtpd, for the system Python (a python3 earlier in PATH may not see it).
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the machine's cluster if it is not running, and stop it at the end if we started it.
pg_version=$(ls /etc/postgresql | sort -V | tail -n 1)
started_pg=no
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  as_root pg_ctlcluster "$pg_version" main start
  started_pg=yes
fi
stop_pg() { if [ "$started_pg" = yes ]; then as_root pg_ctlcluster "$pg_version" main stop || true; fi; }
trap stop_pg EXIT

pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  as_root runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 1
done
as_root runuser -u postgres -- psql -q -p "$pg_port" -v ON_ERROR_STOP=1 -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'saferplan_test') THEN CREATE ROLE saferplan_test LOGIN CREATEDB PASSWORD 'saferplan_test'; END IF; END \$\$;" >/dev/null
export SAFERPLAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=saferplan_test;Password=saferplan_test;Database=postgres"

# Restore exactly the packages in the lock files (after adding a package: dotnet restore --force-evaluate).
dotnet restore SaferPlan.slnx --locked-mode -v quiet
dotnet build SaferPlan.slnx --no-restore -warnaserror -nologo -v quiet
log=$(mktemp)
set +e
dotnet test SaferPlan.slnx --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# The failed tests again at the very end, with their messages, so the tail of a long log names them.
if grep -qE '^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_]*\.' "$log"; then
  echo "Failed tests:"
  grep -E -A 14 '^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_]*\.' "$log" | grep -vE '^[[:space:]]+at (System|Microsoft|Xunit)\.' | head -n 200
fi
# One closing line for the whole run, summed over the test assemblies.
awk '/^[[:space:]]+Passed: [0-9]+$/ { p += $2 } /^[[:space:]]+Failed: [0-9]+$/ { f += $2 }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
