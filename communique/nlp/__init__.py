"""Language processing: the spaCy parse and dates. Importing this package does not load spaCy."""
