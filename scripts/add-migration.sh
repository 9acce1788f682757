#!/usr/bin/env bash
# Adds a migration with the given name for both database providers: ./scripts/add-migration.sh AddIndicators
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?Give the migration a name, e.g. ./scripts/add-migration.sh AddIndicators}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/SaferPlan.Migrations.$provider
  dotnet build "$project" -nologo -v quiet
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" --output-dir Migrations
done
