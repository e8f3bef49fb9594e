"""Benchmarks: a seeded synthetic courtgraph (`generate`) and a load + query timing run (`run`)."""
