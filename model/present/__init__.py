"""Every word a reader sees: the command line's tables, the dashboard, the
committee brief, the what-if app, the export and the generated docs.
"""
