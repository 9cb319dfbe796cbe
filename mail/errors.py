"""The one exception the mail package raises; its message is for the user (Indonesian)."""


class MailError(Exception):
    """A mail operation failed; str(err) is an Indonesian explanation."""
