/** Which changed files --write writes together (src/engine/write-groups.ts). */
import { groupChangedFiles } from '../src/engine/write-groups';

const edits = { asyncFunctions: [{}], awaitSites: [], annotations: [], callbacks: [], seedSites: [], blocked: [] };
const none = { asyncFunctions: [], awaitSites: [], annotations: [], callbacks: [], seedSites: [], blocked: [] };

test('without a plan every changed file is its own group', () => {
  expect(groupChangedFiles(['b.js', 'a.js'])).toEqual([
    { id: 'a.js', files: ['a.js'] },
    { id: 'b.js', files: ['b.js'] },
  ]);
});

test('change sets are groups; sets sharing a changed file merge; files outside every set stand alone; unchanged files are dropped', () => {
  const plan = {
    files: { 'lib/a.js': edits, 'lib/b.js': edits, 'lib/c.js': edits, 'lib/d.js': edits, 'lib/e.js': edits },
    changeSets: [
      { id: 'cs-1', files: ['lib/a.js', 'lib/b.js'] },
      { id: 'cs-2', files: ['lib/b.js', 'lib/c.js'] },
      { id: 'cs-3', files: ['lib/d.js', 'lib/gone.js'] },
      { id: 'cs-4', files: ['lib/e.js', 'lib/unchanged.js'] },
    ],
  };
  expect(groupChangedFiles(['lib/a.js', 'lib/b.js', 'lib/c.js', 'lib/d.js', 'lib/e.js', 'src/fs-only.js'], plan)).toEqual([
    { id: 'cs-1+cs-2', files: ['lib/a.js', 'lib/b.js', 'lib/c.js'] },
    { id: 'cs-3', files: ['lib/d.js'] },
    { id: 'cs-4', files: ['lib/e.js'] },
    { id: 'src/fs-only.js', files: ['src/fs-only.js'] },
  ]);
});

test('when the plan edits a changed file no set names, every file the plan edits is one group (a plan without change sets is one group)', () => {
  const plan = { files: { 'a.js': edits, 'b.js': edits, 'c.js': edits, 'x.js': none } };
  expect(groupChangedFiles(['a.js', 'b.js', 'c.js', 'x.js'], plan)).toEqual([
    { id: 'plan', files: ['a.js', 'b.js', 'c.js'] },
    { id: 'x.js', files: ['x.js'] },
  ]);
  const tagged = { ...plan, changeSets: [{ id: 'cs-1', files: ['a.js', 'd.js'] }], files: { ...plan.files, 'd.js': edits } };
  expect(groupChangedFiles(['a.js', 'b.js', 'd.js', 'x.js'], tagged)).toEqual([
    { id: 'cs-1+plan', files: ['a.js', 'b.js', 'd.js'] },
    { id: 'x.js', files: ['x.js'] },
  ]);
});
