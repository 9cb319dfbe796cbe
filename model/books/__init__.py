"""The registers the procedures write into: agenda books, ekspedisi, klasifikasi codes."""
