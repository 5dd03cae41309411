// Everything every page runs: the theme toggle and the copy buttons beside citations and embed
// snippets. Kept tiny: pages without charts stay far under their JavaScript budget.
import './theme-toggle.ts';
import './copy.ts';
