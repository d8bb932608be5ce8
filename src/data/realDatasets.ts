/// <reference types="vite/client" />
import digits from './datasets/digits.csv?raw';
import iris from './datasets/iris.csv?raw';
import wine from './datasets/wine.csv?raw';

/**
 * Real datasets in the box, beside the generated ones: plain CSV files with a header and a label
 * column (src/data/datasets/, see DATASETS.md), read as any learner's file is. They come from
 * scikit-learn's copies (Debian's python3-sklearn), so they are part of the build and work offline.
 */

export type RealDatasetId = 'iris' | 'wine' | 'digits';

export interface RealDataset {
  id: RealDatasetId;
  /** As the dataset menu shows it. */
  name: string;
  text: string;
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
    text: iris,
    source: `R. A. Fisher (1936), via the UCI Machine Learning Repository; ${SKLEARN}.`,
    licence: 'CC BY 4.0',
    url: 'https://archive.ics.uci.edu/dataset/53/iris',
  },
  {
    id: 'wine',
    name: 'UCI Wine (178 × 13, 3 classes)',
    text: wine,
    source: `M. Forina et al., PARVUS (1988), via the UCI Machine Learning Repository; ${SKLEARN}.`,
    licence: 'CC BY 4.0',
    url: 'https://archive.ics.uci.edu/dataset/109/wine',
  },
  {
    id: 'digits',
    name: 'Handwritten digits 8×8 (1,797 × 64, 10 classes)',
    text: digits,
    source: `E. Alpaydin and C. Kaynak (1998), UCI optical recognition of handwritten digits (its test set); ${SKLEARN}.`,
    licence: 'CC BY 4.0',
    url: 'https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits',
  },
];

export const REAL_DATASET_IDS: readonly RealDatasetId[] = REAL_DATASETS.map((d) => d.id);

export function realDataset(id: RealDatasetId): RealDataset {
  return REAL_DATASETS.find((d) => d.id === id) ?? (REAL_DATASETS[0] as RealDataset);
}
