"""Checks over a built site in output/: links, assets and page budgets."""
