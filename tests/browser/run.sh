#!/usr/bin/env bash
# The page of `factlint serve` in headless Chromium. Usage: tests/browser/run.sh [factlint] [screenshot.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-target/debug/factlint}")"
shot="${2:-target/serve-page.png}"
mkdir -p "$(dirname "$shot")"
python3 tests/browser/page.py "$bin" "$shot"
