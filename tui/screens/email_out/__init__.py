"""Screens of procedure 3 (outgoing email): drafts, approval, sending."""
