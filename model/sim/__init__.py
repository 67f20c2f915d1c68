"""One replication of one unit: parameters, staff, cases, processes, policies,
costs and the recorder. Imports nothing outside ``model.sim`` but
``model.errors``; reads no file and has no words for a reader.
"""

# The schema first: it gathers the policies' blocks from ``model.sim.policies``, whose
# family modules build on the schema's base (so neither is half-loaded when the other
# needs it, whichever a caller imports first).
from . import params  # noqa: F401  (isort: skip)
