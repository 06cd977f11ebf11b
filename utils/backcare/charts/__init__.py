"""Charts: ``plot_*(data, ax=None) -> Figure`` functions that are handed their data and load nothing themselves."""
