"""The bundled conformance suites: one folder per suite, each a manifest and pytest modules."""
