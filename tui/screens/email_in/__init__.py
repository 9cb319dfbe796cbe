"""Screens of procedure 2 (incoming email): triage, follow-up, reading a mail."""
