from communique.nlp.parse import MODEL_CANDIDATES, load_model, model_name


def test_the_real_model_is_installed_and_loads_offline():
    assert model_name() in MODEL_CANDIDATES
    nlp = load_model(exclude=("lemmatizer",))
    doc = nlp("Russian President Vladimir Putin met Mali's leader in Moscow on Monday.")
    assert {ent.label_ for ent in doc.ents} & {"PERSON", "GPE", "NORP"}
    assert load_model(exclude=("lemmatizer",)) is nlp  # once per process
