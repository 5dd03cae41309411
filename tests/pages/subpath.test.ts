/** The reader's site built under BASE_PATH=/dw/, as on GitHub Pages (see suite.ts). */
import { siteSuite } from './suite.ts';

siteSuite('/dw/');
