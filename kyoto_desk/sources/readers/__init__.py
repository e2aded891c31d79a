"""One reader per input format; each turns raw bytes into the normalised text the core parser takes."""
