#!/usr/bin/env bash
# Writes again, for both database providers, what is generated from the EF Core model and its migrations:
#  - CompiledModel/: the model compiled ahead of time, which the app loads instead of building it at each start;
#  - Migrations/NewDatabase.sql: every migration as one script, from which a new database is created.
# Run after changing the model (scripts/add-migration.sh runs it); a test fails while either is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project=src/SaferPlan.Migrations.$provider
  rm -rf "$project/CompiledModel"
  dotnet build "$project" -nologo -v quiet
  dotnet ef dbcontext optimize --no-build --project "$project" --startup-project "$project" \
    --output-dir CompiledModel --namespace "SaferPlan.Migrations.$provider.CompiledModel"
  dotnet ef migrations script --no-build --project "$project" --startup-project "$project" \
    --output "$project/Migrations/NewDatabase.sql"
done
