/** The reader's site built at the domain root (see suite.ts). */
import { siteSuite } from './suite.ts';

siteSuite('/');
