"""Builders of what leaves the kernel: executed notebooks, the site, student copies, slides, handouts, review packets."""
