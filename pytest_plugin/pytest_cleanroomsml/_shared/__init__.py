"""Plain-Python modules shared with the Ansible collection (copies)."""
