import pytest

from communique.config import Settings


def test_defaults():
    settings = Settings()
    assert settings.dedupe and settings.shingle_size == 5


def test_file_then_environment_then_arguments(tmp_path):
    config = tmp_path / "communique.toml"
    config.write_text(
        "[communique]\nbatch_size = 8\ndedupe_threshold = 0.8\ndefault_date = '2025-01-01'\n"
    )
    environ = {"COMMUNIQUE_BATCH_SIZE": "16", "COMMUNIQUE_DEDUPE": "false"}
    settings = Settings.load(config, environ=environ, default_date="2025-06-24")
    assert settings.batch_size == 16
    assert settings.dedupe is False
    assert settings.dedupe_threshold == 0.8
    assert settings.default_date == "2025-06-24"


def test_unknown_setting_is_refused(tmp_path):
    config = tmp_path / "communique.toml"
    config.write_text("batch_sise = 8\n")
    with pytest.raises(ValueError, match="batch_sise"):
        Settings.load(config, environ={})


@pytest.mark.parametrize(
    "setting, value, message",
    [
        ("batch_size", 0, "batch_size must be between 1"),
        ("max_document_bytes", -1, "max_document_bytes must be at least 1"),
        ("max_document_chars", "many", "max_document_chars must be a number"),
        ("dedupe", "sometimes", "dedupe must be true or false"),
        ("dedupe_threshold", 1.5, "dedupe_threshold must be between"),
        ("default_date", "24/06/2025", "default_date must be a date"),
    ],
)
def test_bad_values_are_refused_on_load(tmp_path, setting, value, message):
    config = tmp_path / "communique.toml"
    config.write_text(f"{setting} = {value!r}\n".replace("'", '"'))
    with pytest.raises(ValueError, match=message):
        Settings.load(config, environ={})


def test_a_bad_environment_value_says_which_variable():
    with pytest.raises(ValueError, match="COMMUNIQUE_BATCH_SIZE must be a number"):
        Settings.load(environ={"COMMUNIQUE_BATCH_SIZE": "lots"})


def test_bad_settings_stop_the_command_with_a_plain_message(tmp_path, cli):
    config = tmp_path / "communique.toml"
    config.write_text("batch_size = 0\n")
    source = tmp_path / "a.txt"
    source.write_text("Egypt condemned Israel.")
    run = cli("--config", config, "clean", source)
    assert run.returncode == 2 and b"Traceback" not in run.stderr
    assert b"batch_size must be between 1" in run.stderr and not run.stdout


def test_dictionaries_are_paths_relative_to_the_settings_file(tmp_path):
    config = tmp_path / "conf" / "communique.toml"
    config.parent.mkdir()
    config.write_text('dictionaries = ["dicts/leaders.tsv", "/abs/verbs.tsv"]\n')
    settings = Settings.load(config, environ={})
    assert settings.dictionaries == (
        str(tmp_path / "conf" / "dicts" / "leaders.tsv"),
        "/abs/verbs.tsv",
    )
    hash(settings)  # a tuple: worker pipelines are cached by the settings
    environ = {"COMMUNIQUE_DICTIONARIES": "/a/leaders.tsv:/b/patterns.tsv"}
    assert Settings.load(config, environ=environ).dictionaries == (
        "/a/leaders.tsv",
        "/b/patterns.tsv",
    )
    config.write_text('dictionaries = "leaders.tsv"\n')
    with pytest.raises(ValueError, match="dictionaries must be a list of file paths"):
        Settings.load(config, environ={})
