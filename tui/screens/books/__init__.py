"""Screens of the books: agenda book, registers by date, ekspedisi, email archive."""
