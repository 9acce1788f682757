#!/usr/bin/env bash
# Adds a migration with the given name for both database providers: ./scripts/add-migration.sh AddIndicators
# To undo one that has not landed, delete its files in both projects and restore both snapshots from git;
# `dotnet ef migrations remove` needs a live database and can leave the two projects out of step.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?Give the migration a name, e.g. ./scripts/add-migration.sh AddIndicators}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/SaferPlan.Migrations.$provider
  dotnet build "$project" -nologo -v quiet
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" --output-dir Migrations
done
# The compiled models and the new-database scripts follow the migrations.
./scripts/refresh-model.sh
