"""Flat illustrations for the demo hub, drawn with Pillow alone."""

from . import landmarks, objects, outdoor

SCENES = {
    "skyline": outdoor.skyline,
    "river": outdoor.river,
    "bus": outdoor.bus,
    "park": outdoor.park,
    "saplings": outdoor.saplings,
    "coast": landmarks.coast,
    "temple": landmarks.temple,
    "hills": landmarks.hills,
    "hillside_village": landmarks.hillside_village,
    "old_town": landmarks.old_town,
    "market": landmarks.market,
    "lumpia": objects.lumpia,
    "bandeng": objects.bandeng,
    "wingko": objects.wingko,
    "trophy": objects.trophy,
    "medal": objects.medal,
    "documents": objects.documents,
    "phone_chat": objects.phone_chat,
    "batik": objects.batik,
    "health": objects.health,
    "school": objects.school,
    "pump": objects.pump,
}
