"""ui/forms."""
