"""Body size and composition."""
