"""Reports read across procedures: compliance, registers by date, the mail archive."""
