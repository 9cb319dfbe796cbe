"""Procedure 2 of the SOP: incoming email."""
