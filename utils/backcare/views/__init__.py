"""HTML views (tables, cards, reports) rendered from Jinja2 templates in ``backcare/templates/views/``.

``render(template, **ctx)`` renders one template; :class:`Html` is the one displayable type.
"""
from .render import Html, escape, render, render_html

__all__ = ["Html", "escape", "render", "render_html"]
