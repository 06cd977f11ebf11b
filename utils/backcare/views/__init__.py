"""HTML views (tables, cards, reports) rendered from Jinja2 templates in ``backcare/templates/views/``."""
