"""Sequential-diagnosis simulation: case loaders, baseline solvers, the runner and its reports."""
