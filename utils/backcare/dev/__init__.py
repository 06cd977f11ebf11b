"""Developer tools kept apart from the course: benchmarks, the prose-number linter, the JupyterLab driver."""
