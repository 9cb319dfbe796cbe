"""T.30 frames for the Class 1 driver: FCFs, DIS capabilities, DCS, station IDs, speeds."""

import pytest

from hw.modem import t30


def test_commands_carry_the_x_bit_and_the_final_flag():
    assert t30.command(t30.DCN) == b"\xff\x13\xfb"
    assert t30.command(t30.TSI, b"12", final=False) == b"\xff\x03\x4312"
    assert t30.command(t30.MPS) == b"\xff\x13\x4f" and t30.command(t30.EOP)[2] == 0x2F


def test_received_frames_drop_the_x_bit_except_for_identification():
    assert t30.parse_frame(b"\xff\x13\x85") == t30.Frame(0x13, t30.CFR)
    mcf = t30.parse_frame(b"\xff\x13\x8d")
    assert mcf.fcf == t30.MCF and mcf.final and mcf.name == "MCF"
    dis = t30.parse_frame(b"\xff\x13\x80\x00\xce\xf4")
    assert (dis.fcf, dis.fif, dis.name) == (t30.DIS, b"\x00\xce\xf4", "DIS")
    csi = t30.parse_frame(b"\xff\x03\x40" + b" " * 20)
    assert csi.fcf == t30.CSI and not csi.final
    assert t30.parse_frame(b"\xff\x13\x04").name == "FCF 04"


@pytest.mark.parametrize("data", [b"", b"\xff\x13", b"\x7f\x13\x80", b"\xff\x10\x80"])
def test_what_is_not_a_frame_is_refused(data):
    with pytest.raises(t30.FrameError):
        t30.parse_frame(data)


def test_station_ids_go_last_character_first_padded_to_twenty():
    fif = t30.encode_ident("+62 355 791234")
    assert fif == b"432197 553 26+      " and len(fif) == 20
    assert t30.decode_ident(fif) == "+62 355 791234"
    assert t30.encode_ident("é+62 " + "9" * 30) == b"9" * 16 + b" 26+"
    assert t30.decode_ident(b"      000000 553 26+") == "+62 355 000000"
    assert t30.decode_ident(b"\x01" + b"1" * 19) == "1" * 19 + "?"


def test_a_full_v17_dis_offers_every_speed():
    # bit 10 receive, bits 11,12,14 V.17/V.29/V.27ter, bit 15 fine; bits 21-23 = 0: 20 ms
    caps = t30.parse_dis(bytes([0x00, 0x6E, 0x00]))
    assert caps.receiver and caps.fine and not caps.fallback_only
    assert caps.modulations == {"V.17", "V.29", "V.27ter"}
    assert [s.bit_rate for s in caps.speeds()] == [14400, 12000, 9600, 7200, 9600, 7200, 4800, 2400]
    assert (caps.scan_ms, caps.scan_fine_ms) == (20, 20)
    assert (caps.width_mm, caps.length, caps.ecm) == (215, "A4", False)


@pytest.mark.parametrize(
    ("octet2", "modulations", "rates"),
    [
        (0x0E, {"V.29", "V.27ter"}, [9600, 7200, 4800, 2400]),
        (0x06, {"V.29"}, [9600, 7200]),
        (0x0A, {"V.27ter"}, [4800, 2400]),
        (0x02, {"V.27ter"}, [2400]),
    ],
)
def test_dis_rate_field(octet2, modulations, rates):
    caps = t30.parse_dis(bytes([0, octet2, 0]))
    assert caps.modulations == modulations and not caps.fine
    assert [s.bit_rate for s in caps.speeds()] == rates


@pytest.mark.parametrize(
    ("bits", "standard", "fine"),
    [(0, 20, 20), (1, 5, 5), (2, 10, 10), (3, 20, 10), (4, 40, 40), (5, 40, 20), (6, 10, 5)]
    + [(7, 0, 0)],
)
def test_dis_minimum_scan_line_time(bits, standard, fine):
    caps = t30.parse_dis(bytes([0, 0x6E, bits << 4]))
    assert (caps.min_scan_ms(False), caps.min_scan_ms(True)) == (standard, fine)


def test_dis_width_length_and_ecm():
    caps = t30.parse_dis(bytes([0, 0x6E, 0x88 | 0x02, 0x04]))
    assert (caps.width_mm, caps.length, caps.ecm) == (303, "unlimited", True)
    assert t30.parse_dis(bytes([0, 0x6E, 0x05])).length == "B4"
    assert not t30.parse_dis(b"").receiver  # missing octets count as zero


def test_speeds_follow_the_modem_and_the_configured_maximum():
    caps = t30.parse_dis(bytes([0, 0x6E, 0]))
    v29_v27 = {24, 48, 72, 96}
    assert [s.name for s in caps.speeds(v29_v27)] == [
        "V.29 9600",
        "V.29 7200",
        "V.27ter 4800",
        "V.27ter 2400",
    ]
    assert [s.bit_rate for s in caps.speeds(max_bit_rate=9600)][:2] == [9600, 7200]
    v17_long_only = {145, 121}
    assert caps.speeds(v17_long_only) == []


def test_modulation_codes_for_ftm():
    codes = {s.name: (s.long_code, s.short_code) for s in t30.SPEEDS}
    assert codes == {
        "V.17 14400": (145, 146),
        "V.17 12000": (121, 122),
        "V.17 9600": (97, 98),
        "V.17 7200": (73, 74),
        "V.29 9600": (96, 96),
        "V.29 7200": (72, 72),
        "V.27ter 4800": (48, 48),
        "V.27ter 2400": (24, 24),
    }
    assert t30.tcf_length(t30.SPEEDS[0]) == 2700  # 1.5 s at 14400 bit/s


@pytest.mark.parametrize("speed", t30.SPEEDS, ids=lambda s: s.name)
@pytest.mark.parametrize("fine", [False, True])
@pytest.mark.parametrize("scan", [0, 5, 10, 20, 40])
def test_dcs_round_trip(speed, fine, scan):
    fif = t30.build_dcs(speed, fine, scan)
    assert len(fif) == 3 and fif[1] & 0x02  # receive T.4, no extension, MH, 215 mm, A4
    assert fif[2] & 0x8F == 0 and fif[1] & 0x80 == 0
    assert t30.parse_dcs(fif) == (speed, fine, scan)


def test_dcs_bits_match_t30_table_2():
    v17_14400, v29_9600, v27_2400 = t30.SPEEDS[0], t30.SPEEDS[4], t30.SPEEDS[-1]
    assert t30.build_dcs(v17_14400, False, 20) == bytes([0x00, 0x22, 0x00])
    assert t30.build_dcs(v29_9600, True, 10) == bytes([0x00, 0x46, 0x20])
    assert t30.build_dcs(v27_2400, False, 0) == bytes([0x00, 0x02, 0x70])
    with pytest.raises(ValueError):
        t30.build_dcs(v17_14400, False, 15)
    with pytest.raises(t30.FrameError):
        t30.parse_dcs(bytes([0, 0x12, 0]))


def test_spandsps_dis():
    caps = t30.parse_dis(bytes.fromhex("00eef8808010"))
    assert caps.receiver and caps.fine and caps.modulations == {"V.17", "V.29", "V.27ter"}
    assert (caps.scan_ms, caps.length, caps.ecm) == (0, "unlimited", False)
