"""Warkat's domain: schema, the SOP as data, workflow rules, numbering, roles, clocks, audit."""
