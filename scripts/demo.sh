#!/usr/bin/env bash
# README command 1: set up from nothing and run dxkit's main job on the embedded defaults, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/dxkit demo "$@"
