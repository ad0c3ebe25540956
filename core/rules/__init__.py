"""The declarative rules engine: fact rules are data files read by one small engine."""
