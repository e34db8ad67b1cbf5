"""One module per calculator, grouped by clinical family. Each defines `CALCULATOR`."""
