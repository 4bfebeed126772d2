// Training and evaluation, as functions (train.ts is the command line around them; the tests call them on tiny
// inline data).
import { tagIndex, type Document } from './conll.js';
import { DEFAULT_BITS, FeatureExtractor, type Lexicon } from './features.js';
import { buildLexicon, FOLDS, LexiconBuilder } from './gazetteers.js';
import { Trainer, trainEpoch, type Model, type TrainingDocument } from './perceptron.js';
import { scoreMentions, type Report } from './score.js';
import type { Tagger } from './tagger.js';

export const DEFAULT_EPOCHS = 12;
export const DEFAULT_SEED = 1;

export interface TrainOptions {
  epochs?: number;
  bits?: number;
  seed?: number;
  /** Build the lexicon from the gazetteer packages and compromise (default); false for quick tests. */
  gazetteers?: boolean;
  /** Called after each epoch with the averaged model so far. */
  onEpoch?: (epoch: number, model: Model, lexicon: Lexicon) => void;
}

export interface Trained {
  model: Model;
  lexicon: Lexicon;
}

/**
 * Trains the tagger on documents: the lexicon is built from them (training names jackknifed over FOLDS folds,
 * document k in fold k % FOLDS), then `epochs` perceptron passes in an order shuffled from `seed` each epoch.
 */
export function trainModel(documents: readonly Document[], options: TrainOptions = {}): Trained {
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  const bits = options.bits ?? DEFAULT_BITS;
  const seed = options.seed ?? DEFAULT_SEED;
  const builder = options.gazetteers === false ? new LexiconBuilder() : buildLexicon([]);
  documents.forEach((document, index) => builder.addDocument(document, index % FOLDS));
  const extractors = Array.from({ length: FOLDS }, (_, fold) => new FeatureExtractor(builder.view(fold), bits));
  const training: TrainingDocument[] = documents.map((document, index) => ({
    sentences: document.sentences.map((sentence) => sentence.tokens),
    tags: document.sentences.map((sentence) => Int32Array.from(sentence.tags, tagIndex)),
    fold: index % FOLDS,
  }));
  const trainer = new Trainer(bits);
  const lexicon = builder.lexicon();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    trainEpoch(trainer, training, extractors, seed * 1000 + epoch);
    if (options.onEpoch && epoch < epochs) options.onEpoch(epoch, trainer.averaged(), lexicon);
  }
  const model = trainer.averaged();
  options.onEpoch?.(epochs, model, lexicon);
  return { model, lexicon };
}

/** Tags the documents and scores the PER, ORG and LOC mentions against their gold tags. */
export function evaluate(tagger: Tagger, documents: readonly Document[]): Report {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const document of documents) {
    const tags = tagger.tagDocument(document.sentences.map((sentence) => sentence.tokens));
    document.sentences.forEach((sentence, s) => {
      gold.push(sentence.tags);
      predicted.push(tags[s]!);
    });
  }
  return scoreMentions(gold, predicted);
}
