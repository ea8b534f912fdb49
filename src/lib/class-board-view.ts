import { element } from './dom-element.ts';
import { format } from './lab-workbench/strings.ts';
import {
  columnKey,
  readLearnerFile,
  summarizeColumns,
  type BoardCell,
  type BoardLab,
  type BoardRow,
} from './class-board.ts';
import { ProgressFileError } from './progress-file.ts';

/** Why a dropped file is not on the board, in the reader's words: one line per file. */
const refusalKey: Record<ProgressFileError['code'], string> = {
  'not-json': 'notJson',
  'not-progress': 'notProgress',
  'bad-version': 'otherVersion',
  'newer-version': 'otherVersion',
  'bad-entry': 'damaged',
  'bad-value': 'badValue',
  'storage-full': 'damaged',
};

/**
 * Fills the class board from dropped or chosen files. A file that is not a learner's progress
 * file gets its own line and changes nothing else; a learner's newer file replaces their older
 * row. Everything stays in this page: the files are read, never sent.
 */
export function wireClassBoard(section: HTMLElement): void {
  const labs = JSON.parse(section.dataset.labs!) as BoardLab[];
  const strings = JSON.parse(section.dataset.strings!) as Record<string, string>;
  const lang = document.documentElement.lang.startsWith('ja') ? 'ja' : 'en';
  const rowsBody = section.querySelector<HTMLElement>('[data-rows]')!;
  const summary = section.querySelector<HTMLElement>('[data-summary]')!;
  const status = section.querySelector<HTMLElement>('[data-status]')!;
  const refused = section.querySelector<HTMLElement>('[data-refused]')!;
  const drop = section.querySelector<HTMLElement>('[data-drop]')!;
  const columns = labs.flatMap((lab) =>
    lab.exercises.map((exercise) => ({ lab, exercise, key: columnKey(lab.slug, exercise.number) })),
  );
  const rows = new Map<string, BoardRow>();

  const cellText = (cell: BoardCell | undefined) => {
    switch (cell?.state) {
      case 'done':
        return strings.done;
      case 'solution':
        return strings.solution;
      case 'in-progress':
        return cell.total
          ? format(strings.inProgressCount, { passed: cell.passed ?? 0, total: cell.total })
          : strings.inProgress;
      default:
        return strings.notStarted;
    }
  };
  const draw = () => {
    const sorted = [...rows.values()].sort((a, b) =>
      a.learner.localeCompare(b.learner, lang, { numeric: true }),
    );
    if (!sorted.length) {
      const empty = element('td', '', strings.empty, { colspan: String(columns.length + 1) });
      const row = document.createElement('tr');
      row.append(empty);
      rowsBody.replaceChildren(row);
      summary.replaceChildren();
      return;
    }
    rowsBody.replaceChildren(
      ...sorted.map((row) => {
        const tr = document.createElement('tr');
        tr.append(element('th', '', row.learner, { scope: 'row', title: row.fileName }));
        for (const { key } of columns) {
          const cell = row.cells[key];
          const td = document.createElement('td');
          td.append(
            element('span', '', cellText(cell), { 'data-state': cell?.state ?? 'not-started' }),
          );
          tr.append(td);
        }
        return tr;
      }),
    );
    const summaries = summarizeColumns(sorted, labs);
    const countsRow = document.createElement('tr');
    const failingRow = document.createElement('tr');
    countsRow.append(
      element('th', '', format(strings.counts, { learners: sorted.length }), { scope: 'row' }),
    );
    failingRow.append(element('th', '', strings.mostFailing, { scope: 'row' }));
    for (const { lab, key } of columns) {
      const { counts, mostFailing } = summaries[key];
      const cell = document.createElement('td');
      cell.append(
        element('span', 'count', `${strings.done}: ${counts.done}`),
        element('span', 'count', `${strings.solution}: ${counts.solution}`),
        element('span', 'count', `${strings.inProgress}: ${counts['in-progress']}`),
        element('span', 'count', `${strings.notStarted}: ${counts['not-started']}`),
      );
      countsRow.append(cell);
      const check =
        mostFailing && lab.checks.find((candidate) => candidate.id === mostFailing.checkId);
      failingRow.append(
        element(
          'td',
          '',
          check ? `${check.title[lang]} (${mostFailing.learners})` : strings.noneFailing,
        ),
      );
    }
    summary.replaceChildren(countsRow, failingRow);
  };

  const read = async (files: FileList | File[]) => {
    let added = 0;
    const lines: HTMLElement[] = [];
    for (const file of files) {
      try {
        const row = readLearnerFile(file.name, await file.text(), labs);
        const key = row.learner.toLocaleLowerCase();
        const earlier = rows.get(key);
        if (!earlier || earlier.exportedAt <= row.exportedAt) rows.set(key, row);
        added++;
      } catch (error) {
        if (!(error instanceof ProgressFileError)) throw error;
        lines.push(
          element(
            'li',
            '',
            format(strings.refused, {
              file: file.name,
              reason: format(strings[refusalKey[error.code]], { key: error.key }),
            }),
          ),
        );
      }
    }
    refused.replaceChildren(...lines);
    status.textContent = format(strings.read, { count: added, learners: rows.size });
    draw();
  };

  section.querySelector<HTMLInputElement>('[data-files]')!.addEventListener('change', (event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files) void read([...input.files]).finally(() => (input.value = ''));
  });
  section.querySelector('[data-clear]')!.addEventListener('click', () => {
    rows.clear();
    refused.replaceChildren();
    status.textContent = strings.cleared;
    draw();
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.dataset.over = '';
  });
  drop.addEventListener('dragleave', () => delete drop.dataset.over);
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    delete drop.dataset.over;
    if (event.dataTransfer?.files.length) void read([...event.dataTransfer.files]);
  });
}
