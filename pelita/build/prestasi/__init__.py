"""Prestasi & penghargaan: the register of the city's achievements and awards.

The pure core (:func:`classify`, :func:`validate_award_metadata`,
:func:`load_rules`) is ``pelita.core.prestasi``; :func:`register` connects
the Pelican handlers that attach ``article.prestasi`` to every article and
write the awards wall, its filters, the CSV/JSON register, the achievements
feed and the OPD pages.
"""

from .plugin import register

__all__ = ["register"]
