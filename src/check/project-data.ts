/** What `checkProject` hands the site: the entries that passed, and where each id was written. */
import type { Entry } from '../data/files.ts';
import type { Actor, DataRecord, IncidentFrontmatter, PageFrontmatter, Platform, SiteSettings, Source } from '../schema/index.ts';
import type { Problem } from '../data/problems.ts';

export interface Incident extends IncidentFrontmatter {
  /** The slug: file name without `.mdx`. */
  id: string;
  file: string;
  body: string;
  bodyLine: number;
  /** Source ids the body cites with `<Cite>`, in order of first use: read once here, for the site. */
  citations: string[];
}

export interface Page extends PageFrontmatter {
  id: string;
  file: string;
  body: string;
  /** Source ids the body cites with `<Cite>`, as for an incident. */
  citations: string[];
}

/** Everything that passed validation. Entries with errors are left out. */
export interface ProjectData {
  site: SiteSettings;
  platforms: Platform[];
  actors: Actor[];
  sources: Source[];
  records: DataRecord[];
  incidents: Incident[];
  pages: Page[];
}

export interface CheckResult {
  problems: Problem[];
  data: ProjectData;
  /** Where each valid id was written, for later checks (MDX props) that point back at data. */
  locations: Map<string, Entry>;
}
