#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find. Needs PostgreSQL on
# 127.0.0.1:5432 and /usr/bin/chromium (`bash .ci/run` sets both up on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$1"; }

step "prisma generate"; npx prisma generate >/dev/null
step "prettier (formatting)"; npx prettier --check . >/dev/null || { npx prettier --check . ; echo "Run: npm run format" >&2; exit 1; }
step "eslint"; npx eslint . --max-warnings 0
step "typecheck"; npx tsc --noEmit
step "migrations match the schema"; DATABASE_URL="${TEST_DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}" npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --exit-code >/dev/null
step "unit + integration tests (vitest, real PostgreSQL)"; npx vitest run
step "next build"; npx next build
step "e2e tests (Playwright, Debian Chromium, production build)"; npx tsx scripts/run-e2e.ts
printf '\nAll checks passed.\n'
