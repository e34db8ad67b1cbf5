"""Critical care severity scores."""
