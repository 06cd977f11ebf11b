"""``python -m backcare.content [--summary]``: check and summarise course content."""
from .summary import main

raise SystemExit(main())
