"""Ray backend (the `distributed` extra): the same `run_case`, one Ray task per case."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dxkit.errors import ConfigError


def run_with_ray(config_data: dict[str, Any], cases: list[dict[str, Any]], workers: int) -> Iterator[dict[str, Any]]:
    """Yield results as tasks finish; starts a local Ray (num_cpus=workers) unless one is running."""
    try:
        import ray
    except ModuleNotFoundError as exc:
        raise ConfigError("backend 'ray' needs the distributed extra: pip install 'dxkit[distributed]'") from exc
    from dxkit.evals.simulator.runner import run_case

    started_here = not ray.is_initialized()
    if started_here:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    try:
        remote = ray.remote(num_cpus=1, max_retries=0)(run_case)
        pending = [remote.remote(config_data, case) for case in cases]
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            yield ray.get(ready[0])
    finally:
        if started_here:
            ray.shutdown()
