"""Printed documents of the office (PDF bytes from plain dataclasses); see print/records.py."""
