"""Shared text processing: tokens, stemming, stop words."""
