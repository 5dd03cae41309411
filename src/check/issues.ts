/**
 * zod issues → editor messages. zod says "Invalid input: expected string, received undefined";
 * an editor needs "missing required field "platform"" at the line of the record.
 */
import type { z } from 'zod';
import type { Entry, PathSegment } from '../data/files.ts';
import type { Problem } from '../data/problems.ts';
import { isRuleId, type RuleId } from '../data/rule-ids.ts';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

/** `location.country`, `sources[2]` */
export function fieldName(path: readonly PathSegment[]): string {
  return path.reduce<string>((name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${segment}` : segment), '');
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

function message(issue: Issue, entry: Entry, path: PathSegment[]): { text: string; rule: RuleId } {
  const field = fieldName(path);
  const actual = valueAt(entry.value, path);
  // Schemas name the rule of their own refinements (`params: { rule: 'bad-date' }`). Zod's built-in
  // checks (`.regex`, `.min`) keep no params: their rules come from the issue's code and path below.
  const named = (issue as { params?: { rule?: unknown } }).params?.rule;
  const params = isRuleId(named) ? { rule: named } : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return { text: `missing required field "${field}"`, rule: 'missing-field' };
      // YAML reads `2019` and `true` as a number and a yes: text that looks like one goes in quotes.
      if (issue.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
        return { text: `"${field}" must be text, not ${describeValue(actual)}: write it in quotes ('${String(actual)}')`, rule: 'wrong-type' };
      }
      // A CSV cell holds a list of mappings (disputes) as JSON: say what is wrong with the JSON.
      if ((issue.expected === 'array' || issue.expected === 'object') && typeof actual === 'string' && /^\s*[[{]/.test(actual)) {
        let reason = '';
        try {
          JSON.parse(actual);
        } catch (error) {
          reason = `: ${(error as Error).message}`;
        }
        return { text: `"${field}" is not valid JSON${reason} (write it as [{"field": "date", "value": "…", "sources": ["…"]}], with double quotes)`, rule: 'syntax' };
      }
      return { text: `"${field}" must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(actual)}`, rule: 'wrong-type' };
    case 'invalid_value': {
      if (actual === undefined) return { text: `missing required field "${field}"`, rule: 'missing-field' };
      const options = issue.values.map(String);
      return {
        text: `"${field}" has ${describeValue(actual)}, which is not one of: ${options.join(', ')}${typeof actual === 'string' ? didYouMean(actual, options) : ''}`,
        rule: 'invalid-value',
      };
    }
    case 'unrecognized_keys': {
      return { text: '', rule: 'unknown-field' };
    }
    case 'invalid_union':
      // A union that says what it takes in its own words (`recordListLimit`) says it; others speak
      // through the one form of the value's sort (throughUnions), or say this.
      if (ownWords(issue)) return { text: `"${field}" ${issue.message}, not ${describeValue(actual)}`, rule: 'wrong-type' };
      return { text: `"${field}" has ${describeValue(actual)}, which is not of a form this field takes`, rule: 'wrong-type' };
    case 'invalid_format':
      // An id's own rule (`bad-id`), wherever one stands: `id`, or an old id under `formerly`.
      return { text: `"${field}" ${issue.message.startsWith('must') ? issue.message : `is not valid: ${issue.message}`}`, rule: path.at(-1) === 'id' || path.at(-2) === 'formerly' ? 'bad-id' : 'invalid-format' };
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'number' && issue.message.startsWith('Too')) {
        const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
        const bound = issue.code === 'too_big' ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
        return { text: `"${field}" must be ${bound} ${String(limit)}${typeof actual === 'number' ? `, not ${actual}` : ''}`, rule: params?.rule ?? 'out-of-range' };
      }
      return {
        text: `"${field}" ${issue.message.startsWith('Too') ? issue.message.toLowerCase() : issue.message}`,
        rule: params?.rule ?? (path[path.length - 1] === 'sources' ? 'no-sources' : 'out-of-range'),
      };
    default:
      if (!path.length) return { text: issue.message, rule: params?.rule ?? 'invalid' };
      return { text: `"${field}"${issue.message.startsWith('must') ? ' ' : ': '}${issue.message}`, rule: params?.rule ?? 'invalid' };
  }
}

/**
 * A schema's own message for a union ("must be a whole number of at least 1, or all"), where
 * zod's would be "Invalid input": one sentence for every form, where a form of another sort (a
 * number, for the text "none") would say only what the text may be.
 */
const ownWords = (issue: Issue): boolean => issue.code === 'invalid_union' && issue.message.startsWith('must ');

/**
 * A union with one form of the value's sort (a mapping for a mapping, a list for a list) is
 * judged by that form: its own complaints say what to fix, each at its own path (an alias
 * {name: x} with no lang is "missing required field aliases[0].lang"; every bad field of a
 * capture in `archived` is named, not only the first).
 */
function throughUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || ownWords(issue)) return [issue];
    const sameSort = issue.errors.filter((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
    if (sameSort.length !== 1 || sameSort[0]!.length === 0) return [issue];
    return throughUnions(sameSort[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue));
  });
}

/** One problem per issue (one per unknown key), located at the offending value. */
export function issuesToProblems(issues: readonly Issue[], entry: Entry, knownFields: (path: PathSegment[]) => string[] = () => []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of throughUnions(issues)) {
    const path = issue.path as PathSegment[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file: entry.file,
          ...entry.locate([...path, key], { key: true }),
          severity: 'error',
          message: `unknown field "${fieldName([...path, key])}"${didYouMean(key, knownFields(path))}`,
          rule: 'unknown-field',
        });
      }
      continue;
    }
    const { text, rule } = message(issue, entry, path);
    problems.push({ file: entry.file, ...entry.locate(path), severity: 'error', message: text, rule });
  }
  return problems;
}

export { valueAt };
