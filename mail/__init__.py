"""Mail for Warkat: MIME parsing, IMAP intake, SMTP sending, import and the demo maildir."""
