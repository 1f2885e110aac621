"""Publish to S3-compatible object storage: AWS S3, Cloudflare R2, MinIO.

boto3 talks to the bucket; ``DEPLOY['s3']['endpoint_url']`` points it at R2
or MinIO. Credentials come only from the environment (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, optionally ``AWS_SESSION_TOKEN``), as boto3 reads
them. After the uploads, a manifest (``.pelita-deploy.json`` under the prefix)
records each object's headers so a later change of the cache rules is
noticed without a request per object. A pin (see ``pin.py``) is the object
``.pelita-pin.json`` under the prefix, readable like any object of the
bucket; deploys never delete it, only a forced deploy or ``invoke unpin``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from .base import Outcome, pinned_outcome
from .config import S3Config
from .errors import DeployConfigError, DeployError
from .pin import Pin, parse_pin
from .s3_plan import LocalObject, Plan, make_plan, object_key, scan_output

logger = logging.getLogger(__name__)

MANIFEST_NAME = ".pelita-deploy.json"
PIN_NAME = ".pelita-pin.json"
DELETE_BATCH = 1000  # the most one DeleteObjects request takes
DRY_RUN_LISTED = 20


class S3Target:
    """A bucket (and optional prefix) served as a website or through a CDN."""

    name = "s3"

    def __init__(self, config: S3Config, client: Any = None):
        if not config.bucket:
            raise DeployConfigError(
                "deploy: DEPLOY['s3']['bucket'] is empty; set it in publishconf.py "
                "or as PELITA_DEPLOY_S3_BUCKET"
            )
        if config.addressing_style not in {"auto", "path", "virtual"}:
            raise DeployConfigError(
                f"deploy: DEPLOY['s3']['addressing_style'] is "
                f"{config.addressing_style!r}; expected auto, path or virtual"
            )
        self.config = config
        self._client = client
        self.manifest_key = object_key(config.prefix, MANIFEST_NAME)
        self.pin_key = object_key(config.prefix, PIN_NAME)

    @property
    def client(self) -> Any:
        """The boto3 S3 client (made on first use)."""
        if self._client is None:
            self._client = make_client(self.config)
        return self._client

    @property
    def where(self) -> str:
        """``s3://bucket/prefix`` and the endpoint, for messages."""
        place = f"s3://{self.config.bucket}/{self.config.prefix.strip('/')}"
        return place + (
            f" at {self.config.endpoint_url}" if self.config.endpoint_url else ""
        )

    def publish(
        self, output: Path, revision: str, *, dry_run: bool, force: bool = False
    ) -> Outcome:
        """Upload what changed (HTML last), delete what is gone, record headers."""
        local = scan_output(output, self.config)
        with _storage_errors(self.where):
            pin = self._get_pin()
            if pin and not force:
                return pinned_outcome(self.name, pin)
            remote = self._list()
            recorded = self._read_manifest()
            keep = frozenset({self.manifest_key, self.pin_key})
            plan = make_plan(local, remote, recorded, keep)
            self._check_deletes(plan)
            if dry_run:
                return self._describe(plan, dry_run=True)
            for phase, items in plan.phases():
                logger.info("deploy: s3: uploading %d %s objects", len(items), phase)
                self._upload_all(items)
            self._delete(plan.deletes)
            self._write_manifest(local, revision)
            if pin:
                self._put_pin(None)
        outcome = self._describe(plan, dry_run=False)
        if pin:
            lifted = f"lifted the pin: the site was {pin.describe()}"
            outcome = replace(outcome, details=(*outcome.details, lifted))
        return outcome

    def rollback(
        self, to: str | None, *, dry_run: bool, pin: Pin | None = None
    ) -> Outcome:
        """Object storage keeps no releases: say how to publish an older build."""
        raise DeployError(
            "deploy: rollback: the s3 target overwrites objects in place and keeps "
            "no earlier releases. To go back, check out the last good commit "
            "(git checkout <commit>), run `invoke deploy --force`, then `invoke "
            "pin` so that no scheduled run deploys over it; enable bucket "
            "versioning if you also want to restore single objects by hand."
        )

    def read_pin(self) -> Pin | None:
        """The pin object, or None."""
        with _storage_errors(self.where):
            return self._get_pin()

    def set_pin(self, pin: Pin | None) -> Outcome:
        """Pin the published revision (from the manifest), or unpin."""
        with _storage_errors(self.where):
            was = self._get_pin()
            if pin is not None:
                revision = self._published_revision()
                if revision is None:
                    raise DeployError(
                        f"deploy: pin: nothing was published to {self.where} yet"
                    )
                pin = replace(pin, release=revision)
            self._put_pin(pin)
        if pin:
            return Outcome(self.name, f"the site is {pin.describe()}", pinned=pin)
        if was is None:
            return Outcome(self.name, "unpinned (none was set)")
        return Outcome(self.name, f"unpinned (it was {was.describe()})")

    def _get_pin(self) -> Pin | None:
        try:
            response = self.client.get_object(
                Bucket=self.config.bucket, Key=self.pin_key
            )
        except self.client.exceptions.NoSuchKey:
            return None
        return parse_pin(response["Body"].read().decode("utf-8", "replace"))

    def _put_pin(self, pin: Pin | None) -> None:
        if pin is None:
            self.client.delete_object(Bucket=self.config.bucket, Key=self.pin_key)
            return
        self.client.put_object(
            Bucket=self.config.bucket,
            Key=self.pin_key,
            Body=pin.to_json().encode("utf-8"),
            ContentType="application/json; charset=utf-8",
            CacheControl="no-store",
        )

    def _published_revision(self) -> str | None:
        try:
            response = self.client.get_object(
                Bucket=self.config.bucket, Key=self.manifest_key
            )
            data = json.loads(response["Body"].read())
        except self.client.exceptions.NoSuchKey:
            return None
        except ValueError:
            return "unknown revision"
        return str(data.get("revision") or "unknown revision")

    def _list(self) -> dict[str, str]:
        prefix = self.config.prefix.strip("/")
        paginator = self.client.get_paginator("list_objects_v2")
        etags: dict[str, str] = {}
        pages = paginator.paginate(
            Bucket=self.config.bucket, Prefix=f"{prefix}/" if prefix else ""
        )
        for page in pages:
            for item in page.get("Contents", []):
                etags[item["Key"]] = item.get("ETag", "").strip('"')
        return etags

    def _read_manifest(self) -> dict[str, dict[str, str]]:
        try:
            response = self.client.get_object(
                Bucket=self.config.bucket, Key=self.manifest_key
            )
            data = json.loads(response["Body"].read())
        except self.client.exceptions.NoSuchKey:
            return {}
        except ValueError:
            logger.warning(
                "deploy: s3: %s is unreadable; re-uploading all", self.manifest_key
            )
            return {}
        objects = data.get("objects", {}) if isinstance(data, dict) else {}
        return objects if isinstance(objects, dict) else {}

    def _check_deletes(self, plan: Plan) -> None:
        limit = self.config.max_deletes
        if 0 <= limit < len(plan.deletes):
            raise DeployError(
                f"deploy: s3: this deploy would delete {len(plan.deletes)} objects "
                f"from {self.where}, more than DEPLOY['s3']['max_deletes'] = {limit}. "
                "Nothing was changed. If the build is right, raise the limit "
                "(PELITA_DEPLOY_S3_MAX_DELETES, -1 for none) and deploy again."
            )

    def _upload_all(self, items: list[LocalObject]) -> None:
        with ThreadPoolExecutor(max_workers=max(1, self.config.workers)) as pool:
            for _ in pool.map(self._put, items):
                pass

    def _put(self, item: LocalObject) -> None:
        extra = {"ContentEncoding": item.encoding} if item.encoding else {}
        self.client.put_object(
            Bucket=self.config.bucket,
            Key=item.key,
            Body=item.body(),
            ContentType=item.content_type,
            CacheControl=item.cache_control,
            ContentMD5=item.content_md5,
            **extra,
        )
        logger.debug("deploy: s3: put %s (%s)", item.key, item.content_type)

    def _delete(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        for start in range(0, len(keys), DELETE_BATCH):
            batch = [{"Key": key} for key in keys[start : start + DELETE_BATCH]]
            response = self.client.delete_objects(
                Bucket=self.config.bucket, Delete={"Objects": batch, "Quiet": True}
            )
            errors = response.get("Errors", [])
            if errors:
                first = errors[0]
                raise DeployError(
                    f"deploy: s3: {len(errors)} objects could not be deleted, e.g. "
                    f"{first.get('Key')}: {first.get('Code')} {first.get('Message')}"
                )
        if keys:
            logger.info("deploy: s3: deleted %d objects", len(keys))

    def _write_manifest(self, local: list[LocalObject], revision: str) -> None:
        manifest = {
            "revision": revision,
            "published_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "objects": {item.key: item.headers for item in local},
        }
        self.client.put_object(
            Bucket=self.config.bucket,
            Key=self.manifest_key,
            Body=json.dumps(manifest, sort_keys=True).encode("utf-8"),
            ContentType="application/json; charset=utf-8",
            CacheControl="no-store",
        )

    def _describe(self, plan: Plan, *, dry_run: bool) -> Outcome:
        verb = "would upload" if dry_run else "uploaded"
        gone = "would delete" if dry_run else "deleted"
        summary = (
            f"{verb} {len(plan.uploads)}, {gone} {len(plan.deletes)}, kept "
            f"{plan.unchanged} unchanged objects in {self.where}"
        )
        details: list[str] = []
        if dry_run:
            details += [f"  put {item.key}" for item in plan.uploads[:DRY_RUN_LISTED]]
            details += [f"  delete {key}" for key in plan.deletes[:DRY_RUN_LISTED]]
        return Outcome(
            self.name,
            summary,
            dry_run,
            tuple(details),
            uploaded=len(plan.uploads),
            uploaded_bytes=sum(item.size for item in plan.uploads),
            unchanged=plan.unchanged,
        )


def make_client(config: S3Config) -> Any:
    """A boto3 client for AWS S3 or, with ``endpoint_url``, R2 or MinIO."""
    settings = Config(
        s3={"addressing_style": config.addressing_style},
        retries={"max_attempts": 5, "mode": "standard"},
        max_pool_connections=max(10, config.workers),
        # S3-compatible stores do not all take the newer default checksums;
        # every upload carries a Content-MD5 instead.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    return boto3.session.Session().client(
        "s3",
        endpoint_url=config.endpoint_url or None,
        region_name=config.region or None,
        config=settings,
    )


@contextlib.contextmanager
def _storage_errors(where: str) -> Iterator[None]:
    """Turn botocore's errors into a :class:`DeployError` naming the bucket."""
    try:
        yield
    except NoCredentialsError as error:
        raise DeployError(
            "deploy: s3: no credentials; set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY in the environment"
        ) from error
    except (ClientError, BotoCoreError) as error:
        raise DeployError(f"deploy: s3: {where}: {error}") from error
