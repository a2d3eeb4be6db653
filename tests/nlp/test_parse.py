from communique.nlp.parse import MODEL_CANDIDATES, load_model, model_name


def test_the_real_model_is_installed_and_loads_offline():
    assert model_name() in MODEL_CANDIDATES
    nlp = load_model(exclude=("lemmatizer",))
    doc = nlp("Russian President Vladimir Putin met Mali's leader in Moscow on Monday.")
    assert {ent.label_ for ent in doc.ents} & {"PERSON", "GPE", "NORP"}
    assert load_model(exclude=("lemmatizer",)) is nlp  # once per process


def test_an_english_sentence_never_runs_across_a_paragraph_break():
    from communique.nlp.parse import load_pipeline

    # the model reads "U.S." as an abbreviation and runs on into the next paragraph
    text = (
        "Canada agreed to end a long trade dispute with the U.S.\n\n"
        "Axworthy urged the government to present its case."
    )
    sentences = [s.text.strip() for s in load_pipeline()(text).sents]
    assert sentences == [
        "Canada agreed to end a long trade dispute with the U.S.",
        "Axworthy urged the government to present its case.",
    ]


def test_a_closing_mark_after_a_full_stop_ends_its_own_sentence():
    from communique.nlp.parse import load_pipeline

    # the model starts the next sentence with the mark, and before a paragraph break the
    # mark is then a sentence of its own
    text = (
        'The spokesman said the reports were "misleading propaganda."\n'
        '    He said "we will not give in." Then he left.'
    )
    sentences = [s.text.strip() for s in load_pipeline()(text).sents]
    assert sentences == [
        'The spokesman said the reports were "misleading propaganda."',
        'He said "we will not give in."',
        "Then he left.",
    ]


def test_a_hyphen_after_an_abbreviation_joins_two_words():
    from communique.nlp.parse import load_pipeline

    doc = load_pipeline()("A 1986 U.S.-Japan pact, U.S.-EC talks and a U.S.-based firm.")
    words = [t.text for t in doc]
    assert words[2:5] == ["U.S.", "-", "Japan"], words
    assert "EC" in words and "U.S.-based" in words, words


def test_two_titled_names_joined_by_and_are_two_phrases():
    from communique.nlp.parse import load_pipeline

    doc = load_pipeline()(
        "West German Finance Minister Gerhard Stoltenberg and U.S. Treasury Secretary James "
        "Baker reaffirmed their commitment to the Louvre accord.\n\nBaker later left."
    )
    stoltenberg, baker = doc[5], doc[11]
    assert (stoltenberg.dep_, stoltenberg.head.text) == ("nsubj", "reaffirmed")
    assert (baker.dep_, baker.head.i) == ("conj", stoltenberg.i)
    # each name keeps its own title, and the sentences stay as they were
    assert {t.text for t in stoltenberg.subtree if t.i < 6} >= {"German", "Minister"}
    assert {t.text for t in baker.subtree} >= {"U.S.", "Treasury", "Secretary"}
    assert [s.text.strip() for s in doc.sents][1] == "Baker later left."
    # the parser's other reading: the first name in apposition to its own title
    doc = load_pipeline()(
        "Finance Minister Gerhard Stoltenberg and Treasury Secretary James Baker met."
    )
    stoltenberg, baker = doc[3], doc[8]
    assert (stoltenberg.dep_, stoltenberg.head.text) == ("nsubj", "met")
    assert (baker.dep_, baker.head.i) == ("conj", stoltenberg.i)
