"""Pure clinical and teaching logic: calculators, red flags, triage, frequencies, option selection, plan feedback.

Modules here import neither ipywidgets nor matplotlib (a test checks): they take data and return data.
"""
