#!/usr/bin/env bash
# Installs the real Bluesky PDS (@atproto/dev-env, pinned in its own lock file) that the Bluesky publisher's
# integration test starts. It lives outside the pnpm workspace (packages/adapters/test/bluesky/env) because it is
# heavy (~360 MB, compiles better-sqlite3, about 2-3 minutes). Skipped when installed from the same lock file.
set -euo pipefail
cd "$(dirname "$0")/../packages/adapters/test/bluesky/env"
stamp=node_modules/.installed-from-lock.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "Bluesky test environment already installed"
  exit 0
fi
npm ci --no-audit --no-fund
node -e "require('@atproto/dev-env')"
echo "$wanted" >"$stamp"
echo "Bluesky test environment installed"
