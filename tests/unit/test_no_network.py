"""The whole suite runs with sockets disabled; this proves the switch is on."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketBlockedError


def test_opening_a_socket_fails_in_the_test_suite() -> None:
    # pytest-socket also warns; with warnings as errors the warning must be expected too.
    with (
        pytest.raises(SocketBlockedError),
        pytest.warns(UserWarning, match="socket"),
    ):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
