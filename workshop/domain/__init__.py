"""The pure domain core: plain functions and dataclasses.

Nothing in this package imports Flask, Socket.IO or SQL; it is tested directly.
"""
