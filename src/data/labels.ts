/** Words for readers in place of the data's kebab-case values. */
import type { RecordKind } from '../schema/records.ts';

const SPECIAL: Record<string, string> = {
  'law-enforcement-referral': 'law-enforcement referral',
  'user-reports': 'user reports',
  'court-order': 'court order',
  'posted-online': 'posted online',
  'none-offered': 'none offered',
  'at-least': 'at least',
  'machine-translation': 'machine translation',
  'press-release': 'press release',
  'platform-statement': 'platform statement',
  'social-post': 'social post',
  'armed-group': 'armed group',
  'media-outlet': 'media outlet',
  'government-agency': 'government agency',
  'platform-operator': 'platform operator',
  'social-network': 'social network',
  'chat-server': 'chat server',
  'file-sharing': 'file sharing',
  perpetrators_killed: 'perpetrators killed',
};

export function label(value: string): string {
  return SPECIAL[value] ?? value.replaceAll('-', ' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A record's kind, as a tag on its card or a row of a table. */
export const KIND_LABELS: Record<RecordKind, string> = {
  attack: 'Attack',
  claim: 'Claim of responsibility',
  takedown: 'Takedown',
  migration: 'Migration',
  statement: 'Statement',
};

/**
 * Records of a kind counted in prose (`3 claims`; one is the kind itself: `1 claim`) and, with a
 * capital, the short lane labels of charts, which must fit the left margin.
 */
export const KIND_PLURALS: Record<RecordKind, string> = {
  attack: 'attacks',
  claim: 'claims',
  takedown: 'takedowns',
  migration: 'migrations',
  statement: 'statements',
};

/** How a record names an actor or a platform, as headings on their pages. */
export const ROLE_LABELS = {
  perpetrator: 'Attacks carried out',
  claimant: 'Claims of responsibility made',
  outlet: 'Claims published as the outlet',
  referrer: 'Referrals made',
  target: 'Takedowns that targeted it',
  moved: 'Moves between platforms',
  speaker: 'Statements',
  'removed-on': 'Removed or referred here',
  'claim-published-on': 'Claims of responsibility published here',
  'moved-from': 'Moves away from here',
  'moved-to': 'Moves to here',
  'said-on': 'Statements made here',
} as const;

export const SOURCE_KIND_LABELS = {
  news: 'News',
  'press-release': 'Press releases',
  'platform-statement': 'Platform statements',
  'social-post': 'Social posts',
  report: 'Reports',
  dataset: 'Datasets',
  other: 'Other',
} as const;

const languageNames = new Map<string, Intl.DisplayNames>();

/** `ru` → "Russian" (in the words of the site's language); the tag itself when it has no name. */
export function languageName(tag: string, siteLanguage: string): string {
  let names = languageNames.get(siteLanguage);
  if (!names) languageNames.set(siteLanguage, (names = new Intl.DisplayNames([siteLanguage, 'en'], { type: 'language' })));
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
