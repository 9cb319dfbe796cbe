"""The generic workflow engine: items and their log, guarded transitions, what waits for whom."""
