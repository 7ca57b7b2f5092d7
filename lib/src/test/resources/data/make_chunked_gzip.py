"""Writes chunked_gzip_part.hdf5: a tiny CODE-15%-format part written by h5py with chunked, gzip-compressed storage.

Three exams (exam_id 101, 102, 103). Every value is exact in float32, so the Java test can recompute it:
    tracings[e, t, l] = ((t % 200) - 100) / 64 + l / 4 + 8 * e
Chunks (2, 1000, 5) deliberately cross exam, sample and lead boundaries.
Run with Debian's h5py:  /usr/bin/python3 make_chunked_gzip.py
"""
import os

import h5py
import numpy as np

exams, samples, leads = 3, 4096, 12
e, t, l = np.meshgrid(np.arange(exams), np.arange(samples), np.arange(leads), indexing="ij")
tracings = (((t % 200) - 100) / 64.0 + l / 4.0 + 8.0 * e).astype(np.float32)

here = os.path.dirname(os.path.abspath(__file__))
with h5py.File(os.path.join(here, "chunked_gzip_part.hdf5"), "w") as f:
    f.create_dataset("tracings", data=tracings, chunks=(2, 1000, 5), compression="gzip", compression_opts=9)
    f.create_dataset("exam_id", data=np.array([101, 102, 103], dtype=np.int64))
