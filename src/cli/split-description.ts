/**
 * `split --by package`: the part of a batch's pull-request description that names the exported API
 * the batch changes for the packages landing after it (src/plan/batches.ts `apiDependents`).
 */

/** One exported function a batch changes: `file:name`, its package, the later batches' packages that depend on it. */
export interface ApiDependents {
  api: string;
  package: string;
  dependents: string[];
}

/**
 * The markdown section (empty when the batch changes no exported API).
 * @param batchOf the `NN` number of the batch of a package (the group name), for the later packages
 */
export function renderApiDependents(entries: readonly ApiDependents[], batchOf: (pkg: string) => string | undefined): string {
  if (entries.length === 0) return '';
  const lines = ['', '### Exported API that changes for the packages after this batch', ''];
  const used = entries.filter((e) => e.dependents.length > 0);
  lines.push('| exported function | package | later batches whose package depends on it |', '| --- | --- | --- |');
  for (const e of entries) {
    const colon = e.api.lastIndexOf(':');
    const shown = e.dependents.map((d) => `\`${d}\`${batchOf(d) ? ` (batch ${batchOf(d)})` : ''}`).join(', ') || '—';
    lines.push(`| \`${e.api.slice(colon + 1)}\` — \`${e.api.slice(0, colon)}\` | \`${e.package}\` | ${shown} |`);
  }
  lines.push('');
  lines.push(used.length > 0
    ? 'Every call site in the workspace that must await these functions is part of this batch (a change set is never split): once it lands, the later batches build on the new signatures.'
    : 'No package of a later batch depends on the API this batch changes.');
  return `${lines.join('\n')}\n`;
}
