"""Tests every suite of its kind shares; suites import them into their own modules."""
