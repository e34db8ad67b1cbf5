"""Map the top-level rooms onto the single `dxkit` namespace.

The repository keeps one folder per architectural room (agent/, tools/, calculators/,
corpora/, evals/) while installing them as dxkit.agent, dxkit.tools, ... so nothing generic
lands at the top of site-packages. pyproject.toml holds everything else.
"""

from setuptools import find_packages, setup

ROOMS = {
    "dxkit": "dxkit",
    "dxkit.agent": "agent",
    "dxkit.tools": "tools",
    "dxkit.calculators": "calculators",
    "dxkit.corpora": "corpora",
    "dxkit.evals": "evals",
}
DATA = ["*.csv", "*.csv.gz", "*.tsv", "*.json", "*.jsonl", "*.yaml", "*.yml", "*.md", "*.txt", "*.toml", "*.html"]

packages: list[str] = []
for package, folder in ROOMS.items():
    packages.append(package)
    packages += [f"{package}.{sub}" for sub in find_packages(folder)]

setup(
    packages=packages,
    package_dir=dict(ROOMS),
    package_data={package: DATA for package in packages},
    include_package_data=True,
)
