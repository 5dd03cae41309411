/**
 * ISO 3166-1 alpha-2 codes, for `country` fields. `Intl` names regions but also accepts codes
 * that are not ISO 3166-1 (UK, EU, SU), so the list is written out; a test checks it against
 * `Intl` names. XK (Kosovo) is a user-assigned code that datasets and the EU use.
 */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
  JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
  MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
  RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
  TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`.split(/\s+/),
);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** For a code that is not ISO 3166-1 but names a country (UK, SU), the ISO code of that country. */
export function isoCodeFor(code: string): string | undefined {
  let name: string | undefined;
  try {
    name = regionNames.of(code);
  } catch {
    return undefined;
  }
  if (!name || name === code) return undefined;
  for (const iso of COUNTRY_CODES) if (regionNames.of(iso) === name) return iso;
  return undefined;
}
