"""Tests of the code only the benchmarks use (the bulk loader, the generator)."""
