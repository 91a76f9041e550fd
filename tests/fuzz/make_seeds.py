#!/usr/bin/env python3
"""Writes the fuzz targets' starting seeds: the engine's test fixtures plus crafted edge cases.

Usage: make_seeds.py OUT_DIR   (creates OUT_DIR/x12_reader, OUT_DIR/edifact_reader, OUT_DIR/validator)
The committed corpus/ folders are what libFuzzer kept of these after fuzzing (-merge=1).
"""
import hashlib
import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent / "edi" / "fixtures"


def isa(sep="*", comp=">", term="~", version="00401", rep="U", control="000000101"):
    fields = ["00", " " * 10, "00", " " * 10, "ZZ", "SENDER".ljust(15), "ZZ", "RECEIVER".ljust(15),
              "261101", "1200", rep, version, control, "0", "P", comp]
    return ("ISA" + sep + sep.join(fields)).encode("latin-1") + term.encode("latin-1") if isinstance(term, str) else \
        ("ISA" + sep + sep.join(fields)).encode("latin-1") + term


def x12_body(sep="*", term="~", gs_version="004010", st="856"):
    segs = [f"GS*SH*SENDER*RECEIVER*20261101*1200*7*X*{gs_version}", f"ST*{st}*0001",
            "BSN*00*SHIP1*20261101*1200", "HL*1**S", "TD1*CTN25*2", "REF*BM*123", "DTM*011*20261101",
            "N1*ST*SHIP TO*92*0001", "HL*2*1*O", "PRF*PO123", "HL*3*2*I", "LIN**BP*PART1", "SN1**12*EA",
            "CTT*3", "SE*15*0001", "GE*1*7", "IEA*1*000000101"]
    t = term if isinstance(term, bytes) else term.encode("latin-1")
    return b"".join(s.replace("*", sep).encode("latin-1") + t for s in segs)


def x12_seeds():
    s = {}
    s["x12_856_full"] = isa() + x12_body()
    s["x12_empty"] = b""
    s["x12_isa_only"] = b"ISA"
    s["x12_isa_no_terminator"] = isa()[:-1]
    s["x12_isa_then_eof"] = isa()
    s["x12_newline_terminator"] = isa(term="\n") + x12_body(term="\n")
    s["x12_crlf_terminator"] = isa(term="\r\n") + x12_body(term="\r\n")
    s["x12_utf8_terminator"] = isa(term="\u00a7".encode()) + x12_body(term="\u00a7".encode())
    s["x12_utf8_terminator_cut"] = isa(term=b"\xe2\x80")
    s["x12_4byte_terminator"] = isa(term="\U0001F600".encode()) + x12_body(term="\U0001F600".encode())
    s["x12_terminator_is_separator"] = isa(term="*") + b"GS*SH*A*"
    s["x12_component_is_terminator"] = isa(comp="~") + x12_body()
    s["x12_pipe_caret_5010"] = isa(sep="|", comp=":", term="~", version="00501", rep="^") + \
        x12_body(sep="|", gs_version="005010X222A1").replace(b"HL|1||S", b"HL|1||S^X^Y")
    s["x12_two_interchanges"] = isa() + x12_body() + b"\r\n" + isa(sep="|", term="\n") + x12_body(sep="|", term="\n")
    s["x12_wide_isa"] = b"ISA*000*" + b" " * 40 + b"*00*          *ZZ*S*ZZ*R*261101*1200*U*00401*1*0*P*>~IEA*1*1~"
    s["x12_many_elements"] = isa() + b"ST*856*1~" + b"REF" + b"*X" * 3000 + b"~SE*2*1~IEA*1*000000101~"
    s["x12_long_segment"] = isa() + b"NTE*" + b"A" * 700 + b"~IEA*1*000000101~"
    s["x12_wrapped_crlf"] = b"\r\n".join(bytes(isa() + x12_body())[i:i + 17] for i in range(0, 400, 17))
    s["x12_junk_only"] = b"hello ~ world * ISB IS"
    s["x12_bom_junk"] = b"\xef\xbb\xbf  junk\n" + isa() + x12_body() + b"trailing junk"
    ebc = (isa() + x12_body()).decode("latin-1").encode("cp037")
    s["x12_ebcdic_full"] = ebc
    s["x12_ebcdic_then_ascii"] = ebc + isa() + x12_body()
    s["x12_nul_bytes"] = isa().replace(b"~", b"\x00") + b"GS\x00"
    s["x12_trailing_space"] = isa() + b"IEA*1*000000101~   \n\n"
    s["x12_lf_first_selector"] = b"\n" + isa() + x12_body()
    s["x12_space_first_selector"] = b" " + isa(term="\u00a7".encode()) + x12_body(term="\u00a7".encode())
    s["x12_0x30_first_selector"] = b"0" + isa(term="\n") + b"LONG*" + b"B" * 400 + b"\n" + x12_body(term="\n")
    return s


def una(chars=":+.? '"):
    return b"UNA" + chars.encode("latin-1")


def edifact_body(term="'", syntax="UNOC:3", rel="?"):
    segs = [f"UNB+{syntax}+SENDER:14+RECEIVER:14+261101:1200+REF1", "UNH+1+DESADV:D:96A:UN",
            f"BGM+351+DES{rel}+0001+9", "DTM+137:20261101:102", "RFF+ON:PO123", "NAD+SU+4000000000001::9",
            "CPS+1", "LIN+1++4012345000108:EN", "QTY+12:2", "UNT+9+1", "UNZ+1+REF1"]
    return "".join(s + term for s in segs).encode("latin-1")


def edifact_seeds():
    s = {}
    s["edifact_full"] = una() + b"\n" + edifact_body()
    s["edifact_no_una"] = edifact_body()
    s["edifact_una_cut"] = b"UNA:+"
    s["edifact_una_only"] = una()
    s["edifact_release_at_eof"] = edifact_body()[:-1] + b"?"
    s["edifact_release_before_terminator"] = b"UNB+UNOC:3+A+B+261101:1200+1?'"
    s["edifact_release_is_separator"] = una(":++? '") + edifact_body()
    s["edifact_release_is_terminator"] = una(":+.''") + edifact_body()
    s["edifact_newline_terminator"] = una(":+.? \n") + edifact_body(term="\n")
    s["edifact_space_release"] = una(":+.  '") + edifact_body()
    s["edifact_syntax4_repetition"] = una(":+.?*'") + edifact_body(syntax="UNOC:4").replace(b"RFF+ON:PO123", b"RFF+ON:PO1*ON:PO2")
    s["edifact_syntax4_no_una"] = edifact_body(syntax="UNOW:4")
    s["edifact_two_una"] = una() + una("|^,! ~") + edifact_body().replace(b"'", b"~").replace(b"+", b"^").replace(b":", b"|")
    s["edifact_wrapped"] = b"\r\n".join(edifact_body()[i:i + 13] for i in range(0, 330, 13))
    s["edifact_escaped_newline"] = una() + b"UNB+UNOA:2+A+B+261101:1200+1'FTX+AAA+++LINE?\nTWO??:?+?''UNZ+0+1'"
    s["edifact_lowercase_unoa"] = edifact_body(syntax="UNOA:2").replace(b"DES", b"des")
    s["edifact_ebcdic"] = edifact_body().decode("latin-1").encode("cp037")
    s["edifact_ung_group"] = una() + b"UNB+UNOC:3+A+B+261101:1200+1'UNG+DESADV+A+B+261101:1200+7+UN+D:96A'" + \
        edifact_body()[edifact_body().index(b"UNH"):edifact_body().index(b"UNZ")] + b"UNE+1+7'UNZ+1+1'"
    s["edifact_d01b"] = edifact_body().replace(b"D:96A", b"D:01B")
    s["edifact_unknown_version"] = edifact_body().replace(b"D:96A", b"D:99Z")
    s["edifact_many_components"] = edifact_body().replace(b"CPS+1", b"CPS" + b"+1:2:3" * 500)
    s["edifact_lf_first_selector"] = b"\n" + una() + edifact_body()
    s["edifact_0x2c_first_selector"] = b"," + edifact_body().replace(b"CPS+1", b"FTX+" + b"X" * 500)
    s["edifact_mixed_with_x12"] = edifact_body() + isa() + x12_body()
    return s


def main():
    out = pathlib.Path(sys.argv[1])
    targets = {name: out / name for name in ("x12_reader", "edifact_reader", "validator")}
    for d in targets.values():
        d.mkdir(parents=True, exist_ok=True)

    def put(target, name, data):
        (targets[target] / name).write_bytes(data)

    for folder in ("reader", "validate"):
        for f in sorted((FIXTURES / folder).iterdir()):
            if f.name.endswith(".expected"):
                continue
            data = f.read_bytes()
            if f.name.startswith("x12_") or f.name.startswith("mixed_") or f.name.startswith("not_"):
                put("x12_reader", f.name, data)
            if f.name.startswith("edifact_") or f.name.startswith("mixed_") or f.name.startswith("not_"):
                put("edifact_reader", f.name, data)
            put("validator", f.name, data)
    for name, data in x12_seeds().items():
        put("x12_reader", name, data)
        put("validator", name, data)
    for name, data in edifact_seeds().items():
        put("edifact_reader", name, data)
        put("validator", name, data)


if __name__ == "__main__":
    main()
