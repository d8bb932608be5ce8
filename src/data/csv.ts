import type { PackedSet } from '../engine';
import { DATA_LIMITS } from './limits';
import { readPicture } from './picture';
import { DEFAULT_READING, type MissingCell, type Reading, type TableReading } from './reading';
import { classList, columnLabel, columnRef, missingText, plural, subscript } from './readingWords';
import { count, DELIMITER_NAMES, readTable, type Table, type TableColumn } from './table';
import { inferTargets, natural, targetKind } from './targets';
import type { Dataset, Range, Task } from './types';

export * from './reading';
export { columnLabel, missingText } from './readingWords';
export { inferTargets } from './targets';

/**
 * What a table (table.ts) means for training: which columns are targets (the learner's pick, else
 * a column named like a label, else one-hot columns at the end, else the last: targets.ts), whether
 * the target is classes or regression, and which rows go (missing values). Every problem is said
 * with its line, column and numbers (readingWords.ts), and the result says in a sentence what was
 * inferred.
 */

/** The data rows of a CSV file, read with these choices. */
export function readCsv(text: string, reading: Reading = DEFAULT_READING): TableReading {
  const table = readTable(text);
  if (!table.ok) return { ok: false, error: table.error, missing: [] };
  return readDataset(table.table, reading);
}

/** The plotted range of column i of packed rows `width` wide: its extent, padded by 5 %. */
function rangeOf(values: Float64Array, i: number, width: number): Range {
  let min = Infinity;
  let max = -Infinity;
  for (let at = i; at < values.length; at += width) {
    const v = values[at] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const pad = max > min ? (max - min) * 0.05 : 1;
  return [min - pad, max + pad];
}

/** The dataset a table gives with these choices, or why not. */
export function readDataset(table: Table, reading: Reading): TableReading {
  const n = table.columns.length;
  const inferred = reading.targets ? null : inferTargets(table);
  const targets = reading.targets ?? inferred?.targets ?? [];
  const failed = (error: string, missing: MissingCell[] = []): TableReading => ({
    ok: false,
    error,
    missing,
  });
  if (
    targets.length === 0 ||
    new Set(targets).size !== targets.length ||
    targets.some((c) => !Number.isInteger(c) || c < 0 || c >= n)
  ) {
    return failed(`Choose 1 to ${n - 1} of the ${n} columns as the target.`);
  }
  if (targets.length > DATA_LIMITS.maxTargets) {
    return failed(
      `${targets.length} target columns; a network here has at most ${DATA_LIMITS.maxTargets} outputs.`,
    );
  }
  const inputs = Array.from({ length: n }, (_, c) => c).filter((c) => !targets.includes(c));
  if (inputs.length === 0)
    return failed('Every column is a target: leave at least one as an input.');
  if (inputs.length > DATA_LIMITS.maxInputs) {
    return failed(
      `${inputs.length} input columns; the Train tab takes at most ${DATA_LIMITS.maxInputs}. Make more of the columns targets, or leave some out of the file.`,
    );
  }

  // Missing values, in the columns used (all of them), by line.
  const missingRows = new Set<number>();
  const missing: MissingCell[] = [];
  table.columns.forEach((column, c) => {
    for (const r of column.missing) {
      missingRows.add(r);
      missing.push({ line: table.lines[r] as number, column: columnLabel(table, c) });
    }
  });
  missing.sort((a, b) => a.line - b.line);
  if (missing.length > 0 && !reading.dropMissing) {
    return failed(
      `${plural(missing.length, 'value')} missing (empty, NA or ?) in ${plural(missingRows.size, 'row')}: ${missingText(missing)}. Training needs a number in every cell: drop those rows to use the rest.`,
      missing,
    );
  }
  const kept: number[] = [];
  for (let r = 0; r < table.rows; r++) if (!missingRows.has(r)) kept.push(r);
  if (kept.length < 2) {
    return failed(
      `Only ${plural(kept.length, 'row')} without a missing value; training needs at least 2.`,
      missing,
    );
  }

  // Inputs: numbers within the bounds the saved work keeps.
  for (const c of inputs) {
    const column = table.columns[c] as TableColumn;
    const where = (r: number) => `Line ${table.lines[r]}: ${columnRef(table, c)}`;
    if (column.codes) {
      const r = column.firstText;
      const cell = column.texts[column.codes[r] as number] ?? '';
      return failed(
        `${where(r)} is '${cell.slice(0, 24)}', not a number: names can only be a target.`,
      );
    }
    for (const r of kept) {
      const v = column.numbers[r] as number;
      if (!(Math.abs(v) <= DATA_LIMITS.maxAbsValue)) {
        return failed(`${where(r)} is ${v}, beyond ±${count(DATA_LIMITS.maxAbsValue)}.`);
      }
    }
  }

  const kind = targetKind(table, targets, kept);
  const allows = {
    classes: kind.kind !== 'numbers',
    regression: kind.kind !== 'names',
  };
  const targetNames = targets.map((c) => columnLabel(table, c)).join(', ');
  const asClasses = reading.task === 'auto' ? kind.kind !== 'numbers' : reading.task === 'classes';
  if (asClasses && !allows.classes) {
    const why =
      targets.length > 1
        ? 'they are not one-hot (exactly one 1 per row, 0 elsewhere)'
        : kind.kind === 'numbers' && kind.example !== null
          ? `it holds ${kind.example}, not a whole number or a name`
          : `it holds more than ${DATA_LIMITS.maxClasses} distinct whole numbers`;
    return failed(`${targetNames} cannot be classes: ${why}.`);
  }
  if (!asClasses && !allows.regression) {
    return failed(`${targetNames} holds names, not numbers: it can only be classes.`);
  }

  const columnsOf = (cs: number[]) => cs.map((c) => table.columns[c] as TableColumn);
  const inputColumns = columnsOf(inputs);
  /** The kept rows packed, inputs column by column and targets from `target(row, r, out)`. */
  const pack = (outputSize: number, target: (k: number, r: number, out: Float64Array) => void) => {
    const nIn = inputColumns.length;
    const set: PackedSet = {
      count: kept.length,
      inputSize: nIn,
      outputSize,
      inputs: new Float64Array(kept.length * nIn),
      targets: new Float64Array(kept.length * outputSize),
    };
    inputColumns.forEach((column, i) => {
      for (let k = 0; k < kept.length; k++) {
        set.inputs[k * nIn + i] = column.numbers[kept[k] as number] as number;
      }
    });
    for (let k = 0; k < kept.length; k++) target(k, kept[k] as number, set.targets);
    return set;
  };
  let task: Task = 'regression';
  let classes: string[] | null = null;
  let outputNames = targets.map((c, j) =>
    table.columns[c]?.name ? columnLabel(table, c) : `y${subscript(j)}`,
  );
  let points: PackedSet;
  let how: string;
  if (!asClasses) {
    const targetColumns = columnsOf(targets);
    for (const [j, column] of targetColumns.entries()) {
      for (const r of kept) {
        const v = column.numbers[r] as number;
        if (!(Math.abs(v) <= DATA_LIMITS.maxAbsValue)) {
          return failed(
            `Line ${table.lines[r]}: ${columnRef(table, targets[j] as number)} is ${v}, beyond ±${count(DATA_LIMITS.maxAbsValue)}.`,
          );
        }
      }
    }
    const m = targetColumns.length;
    points = pack(m, (k, r, out) =>
      targetColumns.forEach((col, j) => (out[k * m + j] = col.numbers[r] as number)),
    );
    how = 'numbers, so regression';
  } else {
    let classOf: (r: number) => number;
    if (kind.kind === 'oneHot') {
      classes = outputNames;
      const targetColumns = columnsOf(targets);
      classOf = (r) => targetColumns.findIndex((column) => column.numbers[r] === 1);
      how = `one-hot columns, so ${classes.length} classes`;
    } else if (kind.kind === 'names') {
      const column = kind.column;
      const codes = column.codes as Int32Array;
      const used = new Set<number>();
      for (const r of kept) used.add(codes[r] as number);
      if (used.size > DATA_LIMITS.maxClasses) {
        return failed(
          `${targetNames} has ${count(used.size)} distinct values; at most ${DATA_LIMITS.maxClasses} classes (one output each).`,
        );
      }
      const names = [...used].map((k) => column.texts[k] as string).sort(natural);
      const rank = new Map(names.map((name, i) => [name, i]));
      classes = names;
      classOf = (r) => rank.get(column.texts[codes[r] as number] as string) as number;
      how = `names, so ${classes.length} classes`;
    } else if (kind.kind === 'wholes') {
      const { column, values } = kind;
      const rank = new Map(values.map((v, i) => [v, i]));
      classes = values.map(String);
      classOf = (r) => rank.get(column.numbers[r] as number) as number;
      how = `${values.length} distinct whole numbers, so ${values.length} classes`;
    } else {
      return failed(`${targetNames} cannot be classes.`);
    }
    if (classes.length < 2) {
      return failed(
        `${targetNames} has one class only (${classes[0] ?? ''}); training needs two or more.`,
      );
    }
    const K = classes.length;
    const oneOutput = K === 2 && kind.kind !== 'oneHot';
    task = oneOutput ? 'binary' : 'multiclass';
    if (!oneOutput) outputNames = classes.slice();
    // One output: the class (0 or 1); else one-hot, 1 at the class and 0 elsewhere.
    points = pack(oneOutput ? 1 : K, (k, r, out) => {
      if (oneOutput) out[k] = classOf(r);
      else out[k * K + classOf(r)] = 1;
    });
    how += ` — ${classList(classes)}`;
  }

  const inputNames = inputs.map((c, i) =>
    table.columns[c]?.name ? columnLabel(table, c) : `x${subscript(i)}`,
  );
  const picture = readPicture(inputNames, table.comments, points.inputs);
  const dataset: Dataset = {
    task,
    points,
    inputNames,
    targetNames: outputNames,
    domain: inputColumns.map((_, i) => rangeOf(points.inputs, i, inputColumns.length)),
    lines: Int32Array.from(kept, (r) => table.lines[r] as number),
    picture: picture.picture,
  };
  const layout = `${plural(table.rows, 'row')} of ${plural(n, 'column')}, ${table.header ? 'with a header' : 'no header'}, separated by ${DELIMITER_NAMES[table.delimiter]}.`;
  const chosen = inferred ? inferred.why : 'your choice';
  const forced = reading.task === 'auto' ? '' : ' (your choice)';
  const target = `Target: ${targetNames} (${chosen}): ${how}${forced}.`;
  const rest = `Inputs: the other ${plural(inputs.length, 'column')}.`;
  const droppedRows = table.rows - kept.length;
  const dropped = droppedRows
    ? ` ${plural(droppedRows, 'row')} with missing values left out: ${missingText(missing)}.`
    : '';
  return {
    ok: true,
    dataset,
    targets,
    inferred: `${layout} ${target} ${rest}${dropped}${picture.problem ? ` ${picture.problem}` : ''}`,
    classes,
    allows,
    dropped: droppedRows ? missing : [],
  };
}
