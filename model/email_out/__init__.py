"""Procedure 3 of the SOP: outgoing email."""
