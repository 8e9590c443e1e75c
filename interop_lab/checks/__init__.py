"""Checks: small pure functions over what a run fetched; each raises a VendorResult or returns."""
