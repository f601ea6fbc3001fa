"""accounts: who may read and who may review — users, roles, sessions, CSRF.

Used by both front doors (strikewatch.api and strikewatch.web) and by neither's code:
the API and the pages ask the same questions here (`require_editor`, `request_user`).
"""
