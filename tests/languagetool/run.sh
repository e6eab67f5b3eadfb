#!/usr/bin/env bash
# LanguageTool's Python client against `factlint serve`, on loopback only.
# Usage: tests/languagetool/run.sh [path/to/factlint]   (installs language_tool_python 3.4.0 in a venv)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(realpath "${1:-target/debug/factlint}")"
venv="${LT_VENV:-target/lt-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check language_tool_python==3.4.0
"$venv/bin/python" tests/languagetool/client.py "$bin" fixtures/sample/samarkand-2023-04-14.txt
