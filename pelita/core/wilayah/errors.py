"""Exceptions of the wilayah plugin."""


class WilayahError(ValueError):
    """A WILAYAH setting, or a post's Kecamatan/Kelurahan, cannot be used.

    The message names the file and line (or the setting), the value, and the
    closest valid names.
    """
