#!/usr/bin/env bash
# Runs every SaferPlan test. Installs what the tests need when it is missing (PostgreSQL, Chromium,
# LibreOffice and poppler), starts a PostgreSQL server of its own on 127.0.0.1 for the run and removes it afterwards.
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

# Everything the tests write goes to a folder of this run's own, in memory (tmpfs) where the machine has /dev/shm, and is
# removed at the end: the test databases (SQLite files, and a PostgreSQL cluster of the run's own), LibreOffice's and
# Chromium's profiles. The tests create and delete hundreds of databases; on a disk, the file system's work of creating
# and deleting their files was about a tenth of the run's CPU. Real files and a real server all the same.
scratch_parent=/dev/shm
[ -d "$scratch_parent" ] && [ -w "$scratch_parent" ] || scratch_parent=${TMPDIR:-/tmp}
run_dir=$(mktemp -d "$scratch_parent/saferplan-test.XXXXXX")
chmod 755 "$run_dir"
mkdir "$run_dir/tmp"

# PostgreSQL: a cluster of the run's own on 127.0.0.1, made with the installed server's initdb and removed at the end. It
# keeps nothing after the run, so it does not wait for the disk (fsync off), as a throwaway test server may; the tests'
# SQL, locks and transactions are the server's own.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_bin=/usr/lib/postgresql/$pg_version/bin
pg_dir=$run_dir/postgres
as_postgres() { as_root runuser -u postgres -- "$@"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=5433
while ! port_free "$pg_port"; do pg_port=$((pg_port + 1)); done
mkdir "$pg_dir"
as_root chown postgres "$pg_dir"
clean_up() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  as_root rm -rf "$run_dir"
}
trap clean_up EXIT
# Stopped with Ctrl-C or a kill, the run still stops its server and removes its folder (in memory, it would hold RAM).
trap 'exit 130' INT
trap 'exit 143' TERM
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=peer --auth-host=scram-sha-256 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start -o \
  "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
as_postgres psql -q -h "$pg_dir" -p "$pg_port" -v ON_ERROR_STOP=1 -c \
  "CREATE ROLE saferplan_test LOGIN CREATEDB PASSWORD 'saferplan_test'" >/dev/null
export SAFERPLAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=saferplan_test;Password=saferplan_test;Database=postgres"

# Restore exactly the packages in the lock files (after adding a package: dotnet restore --force-evaluate).
dotnet restore SaferPlan.slnx --locked-mode -v quiet
dotnet build SaferPlan.slnx --no-restore -warnaserror -nologo -v quiet
log=$run_dir/test.log
set +e
TMPDIR=$run_dir/tmp dotnet test SaferPlan.slnx --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
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
exit "$status"
