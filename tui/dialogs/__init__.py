"""Modal dialogs: one question or one form, answered by a model call or dismissed."""
