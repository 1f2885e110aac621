"""The DEPLOY setting: defaults, validation, environment overrides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pelita.tools.deploy.config import DEFAULTS, load_deploy_config
from pelita.tools.deploy.errors import DeployConfigError
from pelita.tools.deploy.project import load_project
from pelita.tools.deploy.release import is_release_name, new_release_name
from pelita.tools.deploy.rsync_ssh import RsyncTarget
from pelita.tools.deploy.s3 import S3Target

REPO = Path(__file__).resolve().parents[2]


def test_defaults_apply_and_nested_dicts_merge_key_by_key():
    config = load_deploy_config(
        {"s3": {"bucket": "b", "cache_control": {"html": "no-cache"}}}, environ={}
    )
    assert config.target == "rsync"
    assert config.rsync.keep_releases == DEFAULTS["rsync"]["keep_releases"]
    assert config.s3.bucket == "b"
    assert config.s3.cache_control["html"] == "no-cache"
    assert config.s3.cache_control["immutable"].endswith("immutable")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"targt": "s3"}, r"\['targt'\] is not a known key .*mean 'target'"),
        ({"target": "rsnyc"}, r"is 'rsnyc', expected one of .*mean 'rsync'"),
        ({"rsync": {"prot": 22}}, r"DEPLOY\['rsync'\]\['prot'\] .*mean 'port'"),
        ({"rsync": {"port": "22"}}, r"\['port'\] must be a whole number"),
        ({"rsync": {"port": True}}, r"must be a whole number, got True"),
        ({"s3": "bucket"}, r"DEPLOY\['s3'\] must be a dict"),
        ({"s3": {"cache_control": {"htm": "x"}}}, r"did you mean 'html'"),
    ],
)  # fmt: skip
def test_bad_settings_name_the_key_the_value_and_the_fix(setting, message):
    with pytest.raises(DeployConfigError, match=message):
        load_deploy_config(setting, environ={})


def test_environment_overrides_single_values():
    environ = {
        "PELITA_DEPLOY_TARGET": "s3",
        "PELITA_DEPLOY_RSYNC_PORT": "2222",
        "PELITA_DEPLOY_S3_BUCKET": "kabar-semarang",
        "PELITA_DEPLOY_S3_MAX_DELETES": "-1",
        "PELITA_DEPLOY_GHPAGES_NOJEKYLL": "false",
        "PELITA_DEPLOY_RSYNC_HOST": "",  # an unset CI variable
        "PELITA_DEPLOY_SSH_KEY": "-----BEGIN OPENSSH PRIVATE KEY-----",
    }
    config = load_deploy_config({"rsync": {"host": "web1"}}, environ=environ)
    assert config.target == "s3"
    assert config.rsync.port == 2222
    assert config.rsync.host == "web1"
    assert config.s3.bucket == "kabar-semarang"
    assert config.s3.max_deletes == -1
    assert config.ghpages.nojekyll is False


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PELITA_DEPLOY_S3_BUKET", "x", "did you mean 'PELITA_DEPLOY_S3_BUCKET'"),
        ("PELITA_DEPLOY_RSYNC_PORT", "dua", "expected a whole number such as 22"),
        ("PELITA_DEPLOY_GHPAGES_NOJEKYLL", "mungkin", "expected true or false"),
        ("PELITA_DEPLOY_TARGET", "ftp", "PELITA_DEPLOY_TARGET is 'ftp', expected one"),
    ],
)
def test_bad_environment_variables_are_errors(name, value, message):
    with pytest.raises(DeployConfigError, match=message):
        load_deploy_config({}, environ={name: value})


def test_targets_refuse_incomplete_settings():
    config = load_deploy_config({}, environ={})
    with pytest.raises(DeployConfigError, match="PELITA_DEPLOY_RSYNC_HOST"):
        RsyncTarget(config.rsync, {})
    with pytest.raises(DeployConfigError, match="PELITA_DEPLOY_S3_BUCKET"):
        S3Target(config.s3)
    risky = {"rsync": {"host": "h", "path": "~/www; rm -rf /"}}
    with pytest.raises(DeployConfigError, match="use a plain folder path"):
        RsyncTarget(load_deploy_config(risky, environ={}).rsync, {})
    short = {"rsync": {"host": "h", "path": "/srv/www", "keep_releases": 1}}
    with pytest.raises(DeployConfigError, match="keep at least 2"):
        RsyncTarget(load_deploy_config(short, environ={}).rsync, {})


def test_publishconf_holds_a_valid_deploy_setting(tmp_path: Path):
    project = load_project(REPO, environ={"PELITA_DEPLOY_TARGET": "ghpages"})
    assert project.deploy.target == "ghpages"
    assert project.deploy.rsync.path == "/var/www/pelita"
    assert project.output == REPO / "output"
    assert project.settings_file == REPO / "publishconf.py"


def test_release_names_sort_by_time_and_never_clash():
    moment = dt.datetime(2025, 9, 8, 17, 0, 1, tzinfo=dt.UTC)
    first = new_release_name([], "1a2b3c4d", moment)
    second = new_release_name([first], "1a2b3c4d", moment)
    assert first == "20250908T170001Z-1a2b3c4d"
    assert second == "20250908T170001Z-1a2b3c4d-2"
    assert is_release_name(first)
    assert is_release_name(second)
    assert not is_release_name("../etc")
    assert not is_release_name("current")
