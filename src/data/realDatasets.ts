/// <reference types="vite/client" />

/**
 * Real datasets in the box, beside the generated ones: plain CSV files with a header and a label
 * column (src/data/datasets/, see DATASETS.md), read as any learner's file is. They come from
 * scikit-learn's copies (Debian's python3-sklearn). Each file is a chunk of its own, loaded when
 * it is chosen (281 kB of CSV, 70 kB gzipped, are not in the page's first download); the service
 * worker precaches every chunk of the build, so they work offline too.
 */

export type RealDatasetId = 'iris' | 'wine' | 'digits';

export interface RealDataset {
  id: RealDatasetId;
  /** As the dataset menu shows it. */
  name: string;
  /** Where it comes from and its licence, in a line beside the choice. */
  source: string;
  licence: string;
  /** The dataset's page. */
  url: string;
}

const SKLEARN = "copied from scikit-learn's bundled copy (BSD-3-Clause)";

export const REAL_DATASETS: readonly RealDataset[] = [
  {
    id: 'iris',
    name: "Fisher's Iris (150 × 4, 3 classes)",
    source: `R. A. Fisher (1936), via the UCI Machine Learning Repository; ${SKLEARN}.`,
    licence: 'CC BY 4.0',
    url: 'https://archive.ics.uci.edu/dataset/53/iris',
  },
  {
    id: 'wine',
    name: 'UCI Wine (178 × 13, 3 classes)',
    source: `M. Forina et al., PARVUS (1988), via the UCI Machine Learning Repository; ${SKLEARN}.`,
    licence: 'CC BY 4.0',
    url: 'https://archive.ics.uci.edu/dataset/109/wine',
  },
  {
    id: 'digits',
    name: 'Handwritten digits 8×8 (1,797 × 64, 10 classes)',
    source: `E. Alpaydin and C. Kaynak (1998), UCI optical recognition of handwritten digits (its test set); ${SKLEARN}.`,
    licence: 'CC BY 4.0',
    url: 'https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits',
  },
];

export const REAL_DATASET_IDS: readonly RealDatasetId[] = REAL_DATASETS.map((d) => d.id);

export function realDataset(id: RealDatasetId): RealDataset {
  return REAL_DATASETS.find((d) => d.id === id) ?? (REAL_DATASETS[0] as RealDataset);
}

const LOADERS: Record<RealDatasetId, () => Promise<{ default: string }>> = {
  iris: () => import('./datasets/iris.csv?raw'),
  wine: () => import('./datasets/wine.csv?raw'),
  digits: () => import('./datasets/digits.csv?raw'),
};

const loaded = new Map<RealDatasetId, string>();

/** The dataset's CSV text, once loaded (loadRealText); null before. */
export function realText(id: RealDatasetId): string | null {
  return loaded.get(id) ?? null;
}

/** Load the dataset's CSV text (its own chunk), once. */
export async function loadRealText(id: RealDatasetId): Promise<string> {
  const known = loaded.get(id);
  if (known !== undefined) return known;
  const text = (await LOADERS[realDataset(id).id]()).default;
  loaded.set(id, text);
  return text;
}

/**
 * Load the datasets in the box a saved training names (its JSON text, or the parsed object of a
 * link), before it is read: reading it checks the saved choices against the data. Returns their
 * texts.
 */
export async function loadRealTextsNamedIn(saved: unknown): Promise<string[]> {
  if (saved === null || saved === undefined) return [];
  const json = typeof saved === 'string' ? saved : JSON.stringify(saved);
  const named = new Set<RealDatasetId>();
  for (const match of json.matchAll(/"real":"(\w+)"/g)) {
    const id = match[1] as RealDatasetId;
    if (REAL_DATASET_IDS.includes(id)) named.add(id);
  }
  return Promise.all([...named].map(loadRealText));
}
