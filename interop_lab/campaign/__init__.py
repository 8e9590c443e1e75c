"""Campaigns: every profile x claimed suite, journaled, resumable, sharded, with regressions."""
