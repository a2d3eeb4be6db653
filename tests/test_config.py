import pytest

from communique.config import Settings


def test_defaults():
    settings = Settings()
    assert settings.dedupe and settings.shingle_size == 5


def test_file_then_environment_then_arguments(tmp_path):
    config = tmp_path / "communique.toml"
    config.write_text("[communique]\nbatch_size = 8\ndedupe_threshold = 0.8\ndefault_date = '2025-01-01'\n")
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
