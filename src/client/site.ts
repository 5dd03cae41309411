// Everything every page runs: the theme toggle. Kept tiny: pages without charts stay far under
// their JavaScript budget. The copy buttons load only where there is something to copy
// (components/CopyScript.astro).
import './theme-toggle.ts';
