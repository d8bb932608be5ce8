import { describe, expect, it } from 'vitest';
import { lessonParagraphs } from '../../../src/components/lesson/lessonText';
import { lessonTexProblem } from '../../../src/components/lesson/LessonMath';
import {
  createAppStore,
  DEFAULT_PLAN,
  LESSON_LOCKS,
  LOCK_REASONS,
  lockOf,
  worksheetParameters,
  worksheetRows,
  type LessonPlan,
} from '../../../src/store';
import { exercise } from '../../../src/practice/exercises';
import { decodeShare, encodeShare, learnerOf } from '../../../src/store/persist';

const weight = { kind: 'weight', layer: 1, from: 0, to: 0 } as const;

function lessonStore(plan: Partial<LessonPlan>, lesson = true) {
  const store = createAppStore();
  store.getState().setView({ lesson, plan: { ...DEFAULT_PLAN, ...plan } });
  return store;
}

describe('lesson text', () => {
  it('splits paragraphs at blank lines and math at dollar signs, never reading HTML', () => {
    expect(
      lessonParagraphs('One $z = Wa + b$ two.\n\n  \n<script>x</script> costs $$ or $5'),
    ).toEqual([
      [
        { kind: 'text', text: 'One ' },
        { kind: 'math', tex: 'z = Wa + b' },
        { kind: 'text', text: ' two.' },
      ],
      [{ kind: 'text', text: '<script>x</script> costs $$ or $5' }],
    ]);
    expect(lessonParagraphs('a line\nthe same paragraph')).toHaveLength(1);
    expect(lessonParagraphs('unclosed $z')).toEqual([[{ kind: 'text', text: 'unclosed $z' }]]);
  });

  it('says why KaTeX cannot typeset a formula, and typesets a good one', () => {
    expect(lessonTexProblem('z = Wa + b')).toBeNull();
    expect(lessonTexProblem('\\frac{1}{')).toMatch(/Expected '}'|end of input/);
    expect(lessonTexProblem('\\notacommand')).toMatch(/Undefined control sequence/);
  });
});

describe('a lesson’s locks', () => {
  it('refuse a locked edit with the reason while the lesson is open', () => {
    const store = lessonStore({ locks: ['parameters'] });
    const before = store.getState().network;
    expect(store.getState().setParameter(weight, 0.5)).toBe(LOCK_REASONS.parameters);
    expect(store.getState().network).toBe(before);
    expect(store.getState().loadExample('xor-2-2-1')).toBe(LOCK_REASONS.parameters);
    // Inputs are not locked by this lesson.
    expect(store.getState().setParameter({ kind: 'input', sample: 0, index: 0 }, 0.2)).toBeNull();
    // The update step is the lesson's own work: it still moves the weights.
    store.getState().goToEnd();
    expect(store.getState().stepForward()).toBeNull();
    expect(store.getState().network).not.toBe(before);
  });

  it('lock inputs and targets, and the shape', () => {
    const store = lessonStore({ locks: ['samples', 'shape'] });
    expect(store.getState().setParameter({ kind: 'target', sample: 0, index: 0 }, 0.2)).toBe(
      LOCK_REASONS.samples,
    );
    expect(store.getState().addSample()).toBe(LOCK_REASONS.samples);
    expect(store.getState().setUnits(1, 3)).toBe(LOCK_REASONS.shape);
    expect(store.getState().setActivation(1, 'tanh')).toBe(LOCK_REASONS.shape);
    expect(store.getState().setParameter(weight, 0.5)).toBeNull();
  });

  it('lock the learning rate η: its edit, and what would bring another η, are refused', () => {
    const store = lessonStore({ locks: ['learningRate'] });
    expect(lockOf(store.getState(), 'learningRate')).toBe(
      'This lesson locks the learning rate η: it stays as your teacher set it.',
    );
    expect(lockOf(store.getState(), 'parameters')).toBeNull();
    expect(store.getState().setLearningRate(0.1)).toBe(LOCK_REASONS.learningRate);
    expect(store.getState().learningRate).toBe(0.5);
    // An exercise of another η (seed 4's is 0.1) is refused too; the same η again is no change.
    expect(exercise('chain-1-1-1', 4).learningRate).toBe(0.1);
    expect(store.getState().newExercise('chain-1-1-1', false, 4)).toBe(LOCK_REASONS.learningRate);
    expect(store.getState().setLearningRate(0.5)).toBeNull();
    // The rest is the student's.
    expect(store.getState().setParameter(weight, 0.5)).toBeNull();
    expect(store.getState().setUnits(1, 3)).toBeNull();
    expect(store.getState().learningRate).toBe(0.5);
  });

  it('are not in force while the teacher prepares the lesson', () => {
    const store = lessonStore({ locks: [...LESSON_LOCKS] }, false);
    expect(lockOf(store.getState(), 'learningRate')).toBeNull();
    expect(store.getState().setParameter(weight, 0.5)).toBeNull();
    expect(store.getState().setUnits(1, 3)).toBeNull();
    expect(store.getState().setLearningRate(0.1)).toBeNull();
  });
});

describe('a lesson in a link', () => {
  it('travels whole, and a title too long is refused with a message', () => {
    const store = lessonStore({
      title: 'Backprop <img src=x onerror=alert(1)>',
      text: 'Compute $z = Wa + b$.',
      locks: ['parameters'],
      showMe: false,
    });
    const work = learnerOf(store.getState());
    const loaded = decodeShare(encodeShare(work));
    expect(loaded.ok && loaded.work.view.plan).toEqual(work.view.plan);

    const long = {
      ...work,
      view: { ...work.view, plan: { ...work.view.plan, title: 'x'.repeat(121) } },
    };
    const refused = decodeShare(encodeShare(long));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^work\.view\.plan\.title: .*120/);
    const badLock = {
      ...work,
      view: { ...work.view, plan: { ...work.view.plan, locks: ['all'] } },
    };
    expect(decodeShare(encodeShare(badLock as typeof work)).ok).toBe(false);
  });

  it('reads an older link without a plan as no lesson', () => {
    const work = learnerOf(createAppStore().getState());
    const view: Partial<typeof work.view> = { ...work.view };
    delete view.plan;
    const loaded = decodeShare(encodeShare({ ...work, view } as typeof work));
    expect(loaded.ok && loaded.work.view.plan).toEqual(DEFAULT_PLAN);
  });
});

describe('the worksheet', () => {
  it('lists every asked quantity of the classic pass in pass order, with its value', () => {
    const store = createAppStore();
    const rows = worksheetRows(store.getState());
    // z, a of 2 + 2 units; L; δ of 2 + 2; ∂L/∂w and ∂L/∂b into 4 units; 8 new weights (biases
    // frozen in this example).
    expect(rows).toHaveLength(4 + 4 + 1 + 2 + 2 + 6 + 6 + 8);
    expect(rows.slice(0, 3).map((r) => r.key)).toEqual(['z:1:0@0', 'a:1:0@0', 'z:1:1@0']);
    expect(rows[0]?.value).toBeCloseTo(0.3775, 12);
    expect(rows[1]?.value).toBeCloseTo(0.593269992107187, 12);
    expect(rows.find((r) => r.key === 'loss')?.value).toBeCloseTo(0.298371108760003, 12);
    expect(rows.find((r) => r.key === 'w:2:0:0')?.value).toBeCloseTo(0.358916479717885, 12);
    // Only what is asked.
    store.getState().setPredict({ asked: ['delta'] });
    expect(worksheetRows(store.getState()).map((r) => r.key)).toEqual([
      'delta:2:0@0',
      'delta:2:1@0',
      'delta:1:0@0',
      'delta:1:1@0',
    ]);
    expect(worksheetParameters(store.getState())).toHaveLength(8 + 4 + 2 + 2);
  });
});
