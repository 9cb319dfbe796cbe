"""One screen per role and task."""
