"""One replication of one unit: parameters, staff, cases, processes, policies,
costs and the recorder. Imports nothing outside ``model.sim`` but
``model.errors``; reads no file and has no words for a reader.
"""
