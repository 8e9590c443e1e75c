"""The generic LDES/TREE suite; LDES-based suites import its tests (see their includes:)."""
