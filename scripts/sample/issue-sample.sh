#!/usr/bin/env bash
# Issues the sample's past months as a clerk would have, month by month: 2024-11 … 2026-09, each
# dated the 10th of the next month (2026-09 on 9 October) and numbered 示招商通〔年〕N号 within the
# year of issue. 2026-10 stays a draft. Run after `npm run sample` changes an input the records hash
# (returns, units, targets, chains, site.json): `rm -r data/issued && scripts/sample/issue-sample.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."
for p in 2024-11 2024-12 2025-{01,02,03,04,05,06,07,08,09,10,11,12} 2026-{01,02,03,04,05,06,07,08,09}; do
  y=${p%-*}; m=$((10#${p#*-})); ny=$y; nm=$((m + 1))
  if [ "$nm" -gt 12 ]; then nm=1; ny=$((y + 1)); fi
  day=10; [ "$p" = 2026-09 ] && day=9
  npm run -s issue -- "$p" --number "示招商通〔$ny〕${nm}号" --date "$(printf '%d-%02d-%02d' "$ny" "$nm" "$day")" --data data
done
