"""Procedure 1 of the SOP: sending a letter by fax."""
