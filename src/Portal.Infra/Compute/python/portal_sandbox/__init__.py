"""The sandbox's side of real compute: what the portal runs on this machine around Dask (never shipped to AWS)."""
