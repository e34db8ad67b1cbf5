"""dxkit.evals: simulator, benchmark harnesses and speed benchmarks. Nothing imports evals."""
