/** Every command reads its flags with node:util's parseArgs (src/commands/args.ts), strictly. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readArgs, UsageError } from '../../src/commands/args.ts';
import { REPO } from '../helpers/fixture.ts';

const OPTIONS = { strict: { type: 'boolean' }, root: { type: 'string' } } as const;

describe('readArgs', () => {
  it('reads flags in both spellings, and positionals where the command takes them', () => {
    expect(readArgs({ args: ['--root=/a', '--strict'], options: OPTIONS }).values).toEqual({ root: '/a', strict: true });
    expect(readArgs({ args: ['incident', 'A title', '--root', '/a'], options: OPTIONS, allowPositionals: true }).positionals).toEqual(['incident', 'A title']);
  });

  it('refuses a mistyped flag, a value left out and a value where none goes, in one line', () => {
    const refusal = (args: string[]) => {
      try {
        readArgs({ args, options: OPTIONS }, { root: 'a folder' });
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      return undefined;
    };
    expect(refusal(['--rot', 'x'])).toBe("Unknown option '--rot'");
    expect(refusal(['--root'])).toBe('--root needs a folder');
    expect(refusal(['--strict=yes'])).toBe("Option '--strict' does not take an argument");
    expect(refusal(['stray'])).toMatch(/^Unexpected argument 'stray'/);
  });
});

describe('commands', () => {
  const run = (script: string, args: string[]) => spawnSync(process.execPath, [`${REPO}/scripts/${script}`, ...args], { cwd: REPO, encoding: 'utf8' });

  it('npm run schemas takes no flags, and says so rather than ignoring one', () => {
    const result = run('schemas.ts', ['--check']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("Unknown option '--check'\nusage: npm run schemas\n");
  });

  it('npm run check reads --format=json as --format json', () => {
    const result = run('check.ts', ['--format=json']);
    expect(result.status).toBe(0);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });
});
