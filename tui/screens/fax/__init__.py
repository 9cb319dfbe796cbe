"""Screens of procedure 1 (fax): request, disposition, agenda, transmit console, archive."""
