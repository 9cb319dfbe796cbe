"""The daemon: the only place that wires model to hw, mail and print."""
