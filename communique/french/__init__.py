"""French: the actors and events of articles written in French, behind the same contracts as
English (the records of records/ and model.py), from French data files and the UD
dependency parse of spaCy's French models."""
