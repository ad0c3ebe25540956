"""Who: people, organisations, places and quotes."""
