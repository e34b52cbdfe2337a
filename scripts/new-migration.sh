#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the committed
# migrations and prisma/schema.prisma. `prisma migrate dev` cannot be used for a second migration
# with the offline wasm engine ("shadow DB must be provided through an external factory" during its
# data-loss check); `migrate diff --from-migrations` builds the same SQL through the shadow database.
# Needs DATABASE_URL pointing at a local PostgreSQL (any database: the shadow is created beside it).
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh <name>}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
sql=$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qv '^--' <<<"$sql" || [ -z "$(grep -v '^-- This is an empty migration' <<<"$sql" | tr -d '[:space:]')" ]; then echo "schema and migrations agree: nothing to do"; exit 0; fi
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
