// Country groups (EAR country groups, OFAC comprehensive sanctions, the advanced-computing licence
// area) as rows: base groups list their members, derived groups combine other groups. The
// expansion of configuration items into country codes is catalogue/jurisdictions.ts.
//
// Hong Kong (HK) and Macau (MO) have their own ISO codes. The EAR has treated Hong Kong as part of
// China since 85 FR 83765 (23 Dec 2020), so every group that contains CN here also contains HK.
// Macau is its own row in the EAR country groups (D:1, D:4) and is named next to D:5 by the
// advanced-computing rules.
import type { CountryCode, Sourced } from "./types";

export interface BaseGroupDef extends Sourced {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly members: readonly CountryCode[];
  /** Short names accepted in configuration, compared without case, blanks or punctuation. */
  readonly aliases: readonly string[];
}

export interface DerivedGroupDef extends Sourced {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Union of these groups' members … */
  readonly union: readonly string[];
  /** … plus these countries … */
  readonly plus: readonly CountryCode[];
  /** … minus these countries. */
  readonly minus: readonly CountryCode[];
  readonly aliases: readonly string[];
}

const HK_NOTE =
  "HK is not a row of the table: it is listed here because the EAR treats Hong Kong as China (85 FR 83765, 23 Dec 2020).";

export const BASE_GROUPS: readonly BaseGroupDef[] = [
  {
    name: "ear-d1",
    title: "EAR Country Group D:1 (national security)",
    description:
      "Countries of national-security concern (15 CFR 740 Supp. 1, column D:1), with Hong Kong as part of China.",
    // prettier-ignore
    members: [
      "AM", "AZ", "BY", "KH", "CN", "HK", "GE", "IR", "IQ", "KZ", "KP", "KG", "LA", "LY", "MO",
      "MD", "MN", "MM", "NI", "RU", "TJ", "TM", "UZ", "VE", "VN", "YE",
    ],
    aliases: ["d1", "d:1"],
    source: "ear-740-supp1",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note:
      "Re-checked 2026-12-07, still not diffed row by row against eCFR: no readable rendering of the D:1 " +
      "column was found (a rendering verified against eCFR on 20 Jun 2026 showed only the A columns). " +
      "Venezuela moved from B to D:1 (84 FR 24018, 24 May 2019, Federal Register text). Iran is kept " +
      "(recalled; Iran also sits in D:5 and E:1, so the advanced-computing area and the default keep it). " +
      "Checked: Nicaragua added (BIS press release 14 Mar 2024; third-party alerts say D:1 and D:5); " +
      "Ukraine moved from Country Group D to B (85 FR 84211, 28 Dec 2020), so UA is not a member; " +
      "Vietnam confirmed as newly licensed under the D:1 test by NVIDIA's 8-K (17 Oct 2023). " +
      `The other members are from the reference brief (recalled). ${HK_NOTE}`,
  },
  {
    name: "ear-d4",
    title: "EAR Country Group D:4 (missile technology)",
    description:
      "Countries of missile-technology concern (15 CFR 740 Supp. 1, column D:4), with Hong Kong as part of China.",
    // prettier-ignore
    members: [
      "BH", "BY", "CN", "HK", "EG", "IR", "IQ", "IL", "JO", "KP", "KW", "LB", "LY", "MO", "OM",
      "PK", "QA", "RU", "SA", "SY", "VE", "YE",
    ],
    aliases: ["d4", "d:4"],
    source: "ear-740-supp1",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note:
      "Amendments checked on 2026-12-07: Belarus added (87 FR 13048, 2 Mar 2022: A:4 to D:2 and D:4, per " +
      "Baker McKenzie); Venezuela added (84 FR 24018, 24 May 2019: D:2-4, Federal Register text); the UAE " +
      "removed (91 FR 43034, effective 10 Jul 2026: out of D:3/D:4 into A:5; three independent renderings " +
      "agree, the Federal Register text itself was not read). Russia added to D:4 in 2020 (85 FR 10274). " +
      "Still not diffed row by row against eCFR: the D columns of Supp. 1 were not readable in the sources " +
      "searched. Saudi Arabia and Israel corroborated by NVIDIA's 8-K of 17 Oct 2023; BH, KW, OM, QA, PK by " +
      `third-party material cited in the reference brief. The rest are recalled. ${HK_NOTE}`,
  },
  {
    name: "ear-d5",
    title: "EAR Country Group D:5 (U.S. arms embargoed countries)",
    description:
      "Countries under a U.S. arms embargo (15 CFR 740 Supp. 1, column D:5, which follows 22 CFR 126.1), with Hong Kong as part of China.",
    // prettier-ignore
    members: [
      "AF", "BY", "MM", "CF", "CN", "HK", "CD", "CU", "ER", "HT", "IR", "IQ", "KP", "LB", "LY",
      "NI", "RU", "SO", "SS", "SD", "SY", "VE", "ZW",
    ],
    aliases: ["d5", "d:5", "arms-embargo", "itar-126.1"],
    source: "ear-740-supp1",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note:
      "D:5 is defined to match the State Department list in 22 CFR 126.1. Cambodia (KH) was removed on " +
      "3 Feb 2026 (91 FR 5091; Fenwick alert, Federal Register listing). Nicaragua (NI) was added on " +
      "15 Mar 2024 (BIS press release). The full list matches a third-party code table dated 2026-05-22 " +
      `that applies both changes; the eCFR column itself was not readable. ${HK_NOTE}`,
  },
  {
    name: "ear-e1",
    title: "EAR Country Group E:1 (terrorist supporting countries)",
    description:
      "Countries whose governments the Secretary of State has designated as state sponsors of terrorism (15 CFR 740 Supp. 1, column E:1).",
    members: ["IR", "KP", "SY"],
    aliases: ["e1", "e:1"],
    source: "ear-740-supp1",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note:
      "Syria: reports through 2025 say the State Department was reviewing its designation; no rescission " +
      "was found in the sources searched, so SY stays listed (it is in D:5 either way). Cuba: removed " +
      "from E:1 in 2015 (80 FR 43314) and re-designated a state sponsor in 2021 and 2025, but no BIS rule " +
      "putting Cuba back into E:1 was found; CU is in E:2 either way.",
  },
  {
    name: "ear-e2",
    title: "EAR Country Group E:2 (unilateral embargo)",
    description: "Countries under a unilateral U.S. embargo (15 CFR 740 Supp. 1, column E:2).",
    members: ["CU"],
    aliases: ["e2", "e:2"],
    source: "fr-80-43314",
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "80 FR 43314 (22 Jul 2015) and the BIS press release of 21 Jul 2015: Cuba remains in E:2.",
  },
  {
    name: "ofac-comprehensive",
    title: "OFAC comprehensively sanctioned countries",
    description:
      "Countries under comprehensive U.S. Treasury (OFAC) sanctions: Cuba, Iran, North Korea. The Crimea, " +
      "so-called DNR and LNR regions of Ukraine are also comprehensively sanctioned but have no alpha-2 " +
      "code of their own: add UA explicitly to cover them (that covers all of Ukraine).",
    members: ["CU", "IR", "KP"],
    aliases: ["ofac", "sanctioned"],
    source: "ofac-iran",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note:
      "Syria left this group: EO 14312 ended the Syria programme on 1 Jul 2025 and 31 CFR 542 was removed " +
      "on 26 Aug 2025 (Federal Register, as reported by Thompson Hine and Baker McKenzie). CU, IR, KP " +
      "from the OFAC programme pages (ofac-cuba, ofac-iran, ofac-north-korea), not re-read on review.",
  },
];

export const DERIVED_GROUPS: readonly DerivedGroupDef[] = [
  {
    name: "advanced-computing",
    title: "Advanced-computing licence area (3A090 / 4A090 destinations)",
    description:
      "Destinations needing a licence for 3A090/4A090 items since 17 Nov 2023: D:1 ∪ D:4 ∪ D:5 ∪ {Macau}, " +
      "minus countries also in A:5 or A:6, with Hong Kong as part of China.",
    union: ["ear-d1", "ear-d4", "ear-d5"],
    plus: ["MO", "HK"],
    minus: ["IL"],
    aliases: ["ac", "3a090", "advanced-compute"],
    source: "fr-88-73458",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note:
      "Only Israel is both in a D group and in A:5/A:6 (A:6 per a rendering of Supp. 1 checked against " +
      "eCFR in June 2026; NVIDIA's 8-K says 'excluding Israel'). The UAE is no longer in the area: " +
      "91 FR 43034 (effective 10 Jul 2026) took it out of D:3/D:4 and into A:5, so no D group holds it " +
      "(licence-free treatment for named UAE entities is a matter for the rule, not a region check). " +
      "Cyprus and Mexico are in A:6 (85 FR 84211) but in no D group. Inherits the uncertainty of D:1 and " +
      "D:4. The licence also follows the buyer: entities headquartered in D:5 or Macau need one anywhere " +
      "(BIS guidance of 31 May 2026, source bis-hq-guidance-2026-05-31), which a region check cannot see.",
  },
  {
    name: "default",
    title: "Default restricted jurisdictions",
    description:
      "The pack's default: D:5 (U.S. arms embargo, incl. China and Russia) + Hong Kong + Macau + E:1 + E:2.",
    union: ["ear-d5", "ear-e1", "ear-e2"],
    plus: ["HK", "MO"],
    minus: [],
    aliases: ["defaults"],
    source: "ear-740-supp1",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "A corporate control layered over the law, not a restatement of it: see each member group's note.",
  },
];
