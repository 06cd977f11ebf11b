"""Thin chapter-facing functions (the ``bc.`` names notebooks call) that compose content, logic, charts and views.

No module here imports another module of this package ``lessons``.
"""
