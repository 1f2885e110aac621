"""The SSRF guard: which addresses a fetch may connect to, checked at the socket.

A URL's host is resolved here, every address is checked against the policy,
and the connection goes to the checked address itself, so a DNS answer cannot
change between the check and the connect. Redirects and images open new
connections and so pass through the same check. Public (globally routable)
addresses are allowed; private, loopback, link-local and the like only when
the ``IMPORTER['allow_networks']`` setting lists them. No host is trusted by
name, not even the registry's own: a registry host that resolves to an
internal address is refused like any other, so a feed cannot reach the
intranet by redirecting (or pointing an image) to such a name.

Only ports 80 and 443 are connected to, and a port a registry entry names
in its address (``https://dinas.example:8443/feed``), for that host only.

Tests inject ``resolver`` and ``connector`` so the policy is exercised below
the socket without sending traffic anywhere but 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from pelita.importer.errors import BlockedAddressError

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _plain_address(address: IPAddress) -> IPAddress:
    """An IPv4-mapped or 6to4-wrapped IPv6 address judged as its IPv4 self."""
    if isinstance(address, ipaddress.IPv6Address):
        return address.ipv4_mapped or address.sixtofour or address
    return address


WEB_PORTS = frozenset({80, 443})


def _host_key(host: str) -> str:
    return host.lower().rstrip(".").strip("[]")


@dataclass(frozen=True)
class NetworkPolicy:
    """Public addresses and ``allowed_networks``; ports 80, 443 and ``named_ports``.

    ``named_ports`` holds the (host, port) pairs the registry's addresses
    name, such as ``("dinas.example", 8443)``.
    """

    allowed_networks: tuple[IPNetwork, ...] = ()
    named_ports: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    # (site domain, port) of channels that follow their sibling subdomains:
    # ``("example.com", 8443)`` opens that port to ``nasional.example.com``.
    domain_ports: frozenset[tuple[str, int]] = field(default_factory=frozenset)

    def allows_address(self, text: str) -> bool:
        """Whether a connection to the IP address ``text`` is allowed."""
        address = _plain_address(ipaddress.ip_address(text.split("%", 1)[0]))
        if any(address in network for network in self.allowed_networks):
            return True
        return address.is_global and not address.is_multicast

    def allows_port(self, host: str, port: int) -> bool:
        """Whether ``host`` may be reached on ``port``."""
        key = _host_key(host)
        if port in WEB_PORTS or (key, port) in self.named_ports:
            return True
        return any(
            port == allowed and (key == domain or key.endswith("." + domain))
            for domain, allowed in self.domain_ports
        )

    def check_port(self, host: str, port: int) -> None:
        """Raise unless ``host`` may be reached on ``port`` (before resolving)."""
        if not self.allows_port(host, port):
            raise BlockedAddressError(
                f"{host}: port {port} is not allowed; only ports 80 and 443 may "
                "be fetched, or the port a registry entry names in its url for "
                "that host"
            )

    def check(self, host: str, addresses: Iterable[str]) -> list[str]:
        """The addresses to connect to; raise if any of them is forbidden."""
        addresses = list(addresses)
        if not addresses:
            raise BlockedAddressError(f"{host} has no address")
        blocked = [a for a in addresses if not self.allows_address(a)]
        if blocked:
            raise BlockedAddressError(
                f"{host} resolves to {', '.join(blocked)}, a private or reserved "
                "address; only public addresses may be fetched (a network the "
                "city runs its feeds in can be opened with "
                "IMPORTER['allow_networks'])"
            )
        return addresses


def _ip_literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that resolves, checks, then connects by IP."""

    def __init__(
        self,
        policy: NetworkPolicy,
        resolver: Resolver | None = None,
        connector: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.policy = policy
        self._resolve = resolver or system_resolver
        self._connector = connector or httpcore.AnyIOBackend()

    async def _addresses(self, host: str, port: int, timeout: float | None) -> list:
        literal = _ip_literal(host)
        if literal is not None:
            return [literal]
        try:
            async with asyncio.timeout(timeout):
                return await self._resolve(host, port)
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Connect to the first allowed address of ``host`` (all are checked)."""
        self.policy.check_port(host, port)
        addresses = self.policy.check(host, await self._addresses(host, port, timeout))
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._connector.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                logger.debug("importer: %s (%s) refused: %s", host, address, exc)
                error = exc
        raise error or httpcore.ConnectError(f"cannot connect to {host}")

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        """Unix sockets are never a feed's address."""
        raise BlockedAddressError(f"unix socket {path} is not allowed")

    async def sleep(self, seconds: float) -> None:
        """Sleep as httpcore asks (keep-alive housekeeping)."""
        await asyncio.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx transport whose every connection goes through ``GuardedBackend``.

    httpx builds its own connection pool; it is replaced by one that uses the
    guarded backend (the guard's tests fail loudly if httpx changes this).
    """

    def __init__(self, backend: GuardedBackend, limits: httpx.Limits) -> None:
        # One TLS context (loading the CA bundle costs tens of milliseconds,
        # a fair part of a run where every feed answers 304).
        tls = httpx.create_ssl_context(trust_env=False)
        super().__init__(verify=tls, trust_env=False, limits=limits, retries=0)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=tls,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            retries=0,
            network_backend=backend,
        )
