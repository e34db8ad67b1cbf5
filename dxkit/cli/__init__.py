"""The `dxkit` command line. Each command group lives in its own module beside this one."""
