"""A non-editable wheel built by `pip wheel` installs every room under the dxkit namespace."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROOMS = ["dxkit", "dxkit.agent", "dxkit.tools", "dxkit.calculators", "dxkit.corpora", "dxkit.evals"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("dxkit-*.whl")
    return built


def test_wheel_has_one_top_level_namespace(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"dxkit"}, f"generic top-level names in the wheel: {sorted(top - {'dxkit'})}"
    for room in ROOMS:
        assert f"{room.replace('.', '/')}/__init__.py" in names


def test_every_room_imports_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    # A bare venv whose only dxkit is the wheel; third-party packages come from this
    # interpreter's site-packages through a .pth (which, unlike the site dir itself, does
    # not run the editable install's import hook).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, text=True)
    code = "import importlib\n" + "".join(
        f"m = importlib.import_module({room!r}); assert m.__file__.startswith({str(site)!r}), m.__file__\n"
        for room in ROOMS
    ) + "from dxkit.calculators.registry import registry; assert len(registry()) >= 2\nprint('ok')\n"
    result = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
