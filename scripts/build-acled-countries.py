"""Write src/harmattan/resources/acled/countries.tsv: each country of the actor dictionary with
its ISO 3166-1 numeric code (ACLED's `iso` column) and its ACLED region.

The numeric codes come from pycountry (`pip install pycountry`); the regions are ACLED's, written
here by hand (ACLED groups countries much as the UN M49 sub-regions do, with the Middle East and
the Caucasus and Central Asia of its own).  Run from the repository root:

    python scripts/build-acled-countries.py
"""

from __future__ import annotations

from pathlib import Path

import pycountry

REGIONS = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SSD TZA UGA ZMB ZWE",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN JPN MNG PRK KOR TWN",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA "
              "XKX LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN "
              "ESP SWE CHE UKR GBR VAT",
    "North America": "CAN USA",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN",
    "Caribbean": "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO",
    "Oceania": "AUS FJI KIR MHL FSM NRU NZL PLW PNG WSM SLB TON TUV VUT",
}
#: Kosovo has no ISO 3166 code; ACLED's numeric code for it.
NUMERIC = {"XKX": "0"}

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    region_of = {iso3: region for region, codes in REGIONS.items() for iso3 in codes.split()}
    lines = ["# ISO 3166-1 numeric code and ACLED region of each country of actors/countries.tsv.",
             "# Written by scripts/build-acled-countries.py (numeric codes from pycountry).",
             "iso3\tnumeric\tregion"]
    table = (ROOT / "src/harmattan/resources/actors/countries.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3 = line.split("\t")[0]
        country = pycountry.countries.get(alpha_3=iso3)
        numeric = NUMERIC.get(iso3) or (str(int(country.numeric)) if country else "")
        if iso3 not in region_of or not numeric:
            raise SystemExit(f"{iso3}: no ACLED region or numeric code; add it to this script")
        lines.append(f"{iso3}\t{numeric}\t{region_of[iso3]}")
    out = ROOT / "src/harmattan/resources/acled/countries.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} countries -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
