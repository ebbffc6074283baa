// What a finished "report" or "analytics" job made, in a cell of the jobs page: a line saying what
// it is (the report's title, territory, language and format, or the network's counts) and the
// link that downloads the file it kept, under the name the server gave it.

import { downloadLabel, jobOutputUrl, madeSummary, type AnalysisMade } from '../analysis_jobs';
import { h } from '../dom';

export function madeOutcome(jobId: string, made: AnalysisMade, lang: string): HTMLElement[] {
  const summary = h('p', { text: madeSummary(made, lang), testId: 'job-made' });
  if (!made.output) return [summary];
  const link = h('a', {
    text: downloadLabel(made.output, lang),
    attrs: {
      href: jobOutputUrl(jobId),
      download: made.output.name,
      type: made.output.contentType || undefined,
    },
    testId: 'job-download',
  });
  return [summary, h('p', {}, link)];
}
