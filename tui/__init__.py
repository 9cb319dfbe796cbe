"""The Textual app and the command-line front door."""
