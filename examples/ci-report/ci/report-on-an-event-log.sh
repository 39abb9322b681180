#!/usr/bin/env bash
# The `social-shift report` command (npm install -D @social-shift/cli) on an NDJSON event log, as the README and
# docs/metrics.md show it: the first quarter of 2026 by ISO week, in Dutch, into the CI job's summary and into
# report.md, exiting 1 when participation is below 30% or there are fewer than 100 shares.
# test/report-on-an-event-log.test.ts runs each command as written on a simulated log.
set -euo pipefail

# #region readme
social-shift report events.ndjson --from 2026-01-01 --to 2026-03-31 --period week --lang nl \
  --out "$GITHUB_STEP_SUMMARY" --fail-under participation=0.3,shares=100
# #endregion readme

# #region metrics
social-shift report events.ndjson --from 2026-01-01 --to 2026-03-31 --period week --lang nl \
  --format markdown --out report.md --fail-under participation=0.3,shares=100
# #endregion metrics
