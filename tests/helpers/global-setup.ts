/** Before a test run: clear the builds an earlier run left in .tmp/ (see tests/helpers/build.ts). */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  rmSync(join(import.meta.dirname, '../../.tmp'), { recursive: true, force: true });
}
